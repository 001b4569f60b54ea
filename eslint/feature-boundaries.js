import path from "node:path";

/**
 * `local/feature-boundaries`: the import rules of a `src/` tree made of `lib/` and `features/<name>/`
 * (docs/architecture.md, "Features with front doors"). For a file under one of the configured roots:
 *
 * - `lib/` imports no feature: features plug into lib through registration at the composition root.
 * - Outside feature B, only B's front door (`features/B/index.ts`) may be imported, never its inner files.
 * - A feature imports only features of a LOWER layer (`layers`, lowest first), so the feature graph can
 *   have no cycle; features of one layer do not import each other. Composition roots (files outside
 *   `lib/` and `features/<name>/`, plus `features/*.ts` such as registry.ts) may import every front door.
 * - Test code (`*.test.ts`, `*.fixtures.ts`, `test/` folders) may import anything: it is not part of
 *   the running graph, and tests of one feature build their world with others' fixtures.
 *
 * With no exceptions to the layer order the feature graph cannot have a cycle; feature-graph.js reads
 * the whole graph and `pnpm test` fails on a cycle all the same.
 */
const TEST_FILE = /(\.test\.tsx?|\.fixtures\.tsx?)$|(^|\/)test\//;

function classify(rel) {
  const parts = rel.split("/");
  if (parts[0] === "lib") return { kind: "lib" };
  if (parts[0] === "features" && parts.length > 2)
    return { kind: "feature", name: parts[1], inner: parts.slice(2).join("/") };
  return { kind: "root" };
}

const isFrontDoor = (inner) => /^index\.(ts|tsx|js)$/.test(inner);

/** @type {import("eslint").Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: "problem",
    schema: [
      {
        type: "object",
        properties: {
          roots: { type: "array", items: { type: "string" } },
          layers: { type: "array", items: { type: "array", items: { type: "string" } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      libImportsFeature:
        "lib/ imports no feature ('{{target}}'): let the composition root register it instead.",
      deepImport: "Import feature '{{feature}}' through its front door ('{{door}}'), not '{{target}}'.",
      upward:
        "Feature '{{from}}' (layer {{fromLayer}}) may not import '{{to}}' (layer {{toLayer}}): features import lower layers only. Invert it (lib/events.ts or a registration at the composition root).",
      unknownFeature: "Feature '{{feature}}' has no layer in eslint.config.js: add it to the layer order.",
      compositionRoot: "A feature may not import the composition root '{{target}}'.",
    },
  },
  create(context) {
    const { roots = [], layers = [] } = context.options[0] ?? {};
    const filename = context.physicalFilename ?? context.filename;
    const cwd = context.cwd ?? process.cwd();
    const relFile = path.relative(cwd, filename).split(path.sep).join("/");
    const root = roots.find((r) => relFile.startsWith(`${r}/`));
    if (!root || TEST_FILE.test(relFile)) return {};
    const inRoot = relFile.slice(root.length + 1);
    const from = classify(inRoot);
    const rank = new Map(layers.flatMap((names, i) => names.map((n) => [n, i])));

    function check(node, source) {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const abs = path.resolve(path.dirname(filename), source);
      const target = path.relative(path.resolve(cwd, root), abs).split(path.sep).join("/");
      if (target.startsWith("..")) return;
      const to = classify(target);
      const report = (messageId, data) => context.report({ node, messageId, data });
      if (from.kind === "lib") {
        if (target.startsWith("features/")) report("libImportsFeature", { target });
        return;
      }
      if (to.kind !== "feature") {
        if (from.kind === "feature" && target.startsWith("features/")) report("compositionRoot", { target });
        return;
      }
      if (from.kind === "feature" && from.name === to.name) return;
      if (!isFrontDoor(to.inner.replace(/\.js$/, ".ts")) && !isFrontDoor(to.inner))
        report("deepImport", { feature: to.name, door: `features/${to.name}/index.ts`, target });
      if (from.kind !== "feature") return;
      for (const name of [from.name, to.name])
        if (!rank.has(name)) report("unknownFeature", { feature: name });
      const fromLayer = rank.get(from.name);
      const toLayer = rank.get(to.name);
      if (fromLayer === undefined || toLayer === undefined || toLayer < fromLayer) return;
      report("upward", { from: from.name, to: to.name, fromLayer, toLayer });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

export default { rules: { "feature-boundaries": featureBoundaries } };
