import stylelint from "stylelint";

/**
 * `rembuk/feature-scope`: every selector in client/src/features/<name>/*.css must name at least one
 * class block that <name> owns (the registry in stylelint.config.js), so its rules can only match inside
 * that feature's own markup and never restyle another feature's. A block is a class name up to its
 * first `__` or `--` (BEM). Shared looks belong in client/src/components/ or app/global.css.
 */
const {
  createPlugin,
  utils: { report, ruleMessages, validateOptions },
} = stylelint;

const ruleName = "rembuk/feature-scope";
const messages = ruleMessages(ruleName, {
  leak: (selector, feature) =>
    `"${selector}" names no class block of the ${feature} feature, so it could style another feature's markup`,
  unknown: (feature) =>
    `feature "${feature}" owns no class blocks: add it to the registry in stylelint.config.js`,
  twice: (block, a, b) => `class block "${block}" is registered to both ${a} and ${b}`,
});

const blockOf = (className) => className.split(/__|--/)[0];

const rule = (owners) => (root, result) => {
  if (!validateOptions(result, ruleName, { actual: owners, possible: (v) => typeof v === "object" })) return;
  const file = (root.source?.input.file ?? "").replaceAll("\\", "/");
  const match = /client\/src\/features\/([^/]+)\/[^/]+\.css$/.exec(file);
  if (!match) return;
  const feature = match[1];
  const owned = new Set(owners[feature] ?? []);
  for (const [other, blocks] of Object.entries(owners))
    if (other !== feature)
      for (const block of blocks)
        if (owned.has(block))
          report({ ruleName, result, node: root, message: messages.twice(block, feature, other) });
  if (owned.size === 0) {
    report({ ruleName, result, node: root, message: messages.unknown(feature) });
    return;
  }
  root.walkRules((node) => {
    if (node.parent?.type === "atrule" && /keyframes$/i.test(node.parent.name)) return;
    for (const selector of node.selectors) {
      const blocks = [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => blockOf(m[1]));
      if (!blocks.some((b) => owned.has(b)))
        report({ ruleName, result, node, message: messages.leak(selector, feature), word: selector });
    }
  });
};
rule.ruleName = ruleName;
rule.messages = messages;

export default createPlugin(ruleName, rule);
