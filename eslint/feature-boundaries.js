import fs from "node:fs";
import path from "node:path";

/**
 * `local/feature-boundaries`: the import rules of a `src/` tree made of low-level folders (`lib/`, and
 * on the client `components/`), `features/<name>/` and composition roots (docs/architecture.md,
 * "Feature layers"). For a file under one of the configured roots:
 *
 * - A low-level folder (`libs`, default `lib`) imports no feature: features plug into lib through
 *   registration at the composition root.
 * - Outside feature B, only B's front door (`features/B/index.ts`, or the folder `features/B`) may be
 *   imported, never its inner files.
 * - A feature imports only features of a LOWER layer (`layers`, lowest first), so the feature graph can
 *   have no cycle; features of one layer do not import each other. Composition roots (files outside
 *   the low-level folders and `features/<name>/`, plus `features/*.ts` such as registry.ts) may import
 *   every front door; a feature may not import `features/*.ts`.
 * - A composition root may also load a feature's inner module with a dynamic `import()` (a lazy page:
 *   through the front door it would join the first chunk), and the inner files `rootMayOpen` names
 *   (the client's per-feature dictionaries, which app/messages.*.ts gathers).
 * - Stylesheets are not code and are not checked here: stylelint's feature scope (stylelint.config.js)
 *   keeps each feature's rules inside its own class blocks, so a page that shows another feature's
 *   markup may import that feature's stylesheet to have it loaded.
 * - Test code (`*.test.ts`, `*.fixtures.ts`, `test/` folders) may import anything: it is not part of
 *   the running graph, and tests of one feature build their world with others' fixtures.
 *
 * Without exceptions to the layer order the feature graph cannot have a cycle; feature-graph.js reads
 * the whole graph and `pnpm test` fails on a cycle all the same. `knownDebt` names the upward imports
 * that still exist ("features/x/file.ts -> feature"; the client has a few), so a NEW one fails lint.
 */
const TEST_FILE = /(\.test\.tsx?|\.fixtures\.tsx?)$|(^|\/)test\//;

function classify(rel, abs, libs) {
  const parts = rel.split("/");
  if (libs.includes(parts[0])) return { kind: "lib" };
  if (parts[0] === "features" && parts.length > 2)
    return { kind: "feature", name: parts[1], inner: parts.slice(2).join("/") };
  // `../rooms` from inside features/: the folder, which resolves to its index.ts.
  if (parts[0] === "features" && parts.length === 2 && isDirectory(abs))
    return { kind: "feature", name: parts[1], inner: "index.ts" };
  return { kind: "root" };
}

function isDirectory(abs) {
  try {
    return fs.statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

const isFrontDoor = (inner) => /^index(\.(ts|tsx|js))?$/.test(inner);

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
          knownDebt: { type: "array", items: { type: "string" } },
          libs: { type: "array", items: { type: "string" } },
          rootMayOpen: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      libImportsFeature:
        "{{folder}}/ imports no feature ('{{target}}'): move the shared part down, or let the composition root register it.",
      deepImport: "Import feature '{{feature}}' through its front door ('{{door}}'), not '{{target}}'.",
      upward:
        "Feature '{{from}}' (layer {{fromLayer}}) may not import '{{to}}' (layer {{toLayer}}): features import lower layers only. Invert it (lib/events.ts or a registration at the composition root).",
      unknownFeature: "Feature '{{feature}}' has no layer in eslint.config.js: add it to the layer order.",
      compositionRoot: "A feature may not import the composition root '{{target}}'.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { roots = [], layers = [], knownDebt = [], libs = ["lib"] } = options;
    const rootMayOpen = (options.rootMayOpen ?? []).map((re) => new RegExp(re));
    const filename = context.physicalFilename ?? context.filename;
    const cwd = context.cwd ?? process.cwd();
    const relFile = path.relative(cwd, filename).split(path.sep).join("/");
    const root = roots.find((r) => relFile.startsWith(`${r}/`));
    if (!root || TEST_FILE.test(relFile)) return {};
    const inRoot = relFile.slice(root.length + 1);
    const from = classify(inRoot, filename, libs);
    const rank = new Map(layers.flatMap((names, i) => names.map((n) => [n, i])));
    const debt = new Set(knownDebt);

    function check(node, source, dynamic = false) {
      if (typeof source !== "string" || !source.startsWith(".") || source.endsWith(".css")) return;
      const abs = path.resolve(path.dirname(filename), source);
      const target = path.relative(path.resolve(cwd, root), abs).split(path.sep).join("/");
      if (target.startsWith("..")) return;
      const to = classify(target, abs, libs);
      const report = (messageId, data) => context.report({ node, messageId, data });
      if (from.kind === "lib") {
        if (target.startsWith("features/"))
          report("libImportsFeature", { target, folder: inRoot.split("/")[0] });
        return;
      }
      if (to.kind !== "feature") {
        if (from.kind === "feature" && target.startsWith("features/")) report("compositionRoot", { target });
        return;
      }
      if (from.kind === "feature" && from.name === to.name) return;
      const opened = from.kind === "root" && (dynamic || rootMayOpen.some((re) => re.test(to.inner)));
      if (!opened && !isFrontDoor(to.inner))
        report("deepImport", { feature: to.name, door: `features/${to.name}/index.ts`, target });
      if (from.kind !== "feature") return;
      for (const name of [from.name, to.name])
        if (!rank.has(name)) report("unknownFeature", { feature: name });
      const fromLayer = rank.get(from.name);
      const toLayer = rank.get(to.name);
      if (fromLayer === undefined || toLayer === undefined || toLayer < fromLayer) return;
      if (debt.has(`${inRoot} -> ${to.name}`)) return;
      report("upward", { from: from.name, to: to.name, fromLayer, toLayer });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, true),
    };
  },
};

export default { rules: { "feature-boundaries": featureBoundaries } };
