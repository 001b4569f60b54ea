import fs from "node:fs";
import path from "node:path";

/**
 * The import graph between the features of a `src/` tree (`features/<name>/`), read from the source
 * text, and the cycle finder `pnpm test` runs on it (server/src/featureBoundaries.test.ts). The layer
 * rule (feature-boundaries.js) already refuses every import that could close a cycle; this reads the
 * whole graph at once, so a cycle fails the tests even if a layer or an exception let one in.
 * Test code is left out, as in the rule: it is not part of the running graph.
 */
const TEST_FILE = /(\.test\.tsx?|\.fixtures\.tsx?)$|(^|\/)test\//;
const SOURCE = /\.(ts|tsx|js)$/;
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.[^"']+)["']/g;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : SOURCE.test(entry.name) ? [full] : [];
  });
}

/** `feature -> features it imports` for every feature folder under `srcRoot/features`. */
export function featureImports(srcRoot) {
  const featuresDir = path.join(srcRoot, "features");
  const graph = new Map();
  for (const entry of fs.readdirSync(featuresDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const deps = new Set();
    for (const file of filesUnder(path.join(featuresDir, entry.name))) {
      if (TEST_FILE.test(path.relative(srcRoot, file).split(path.sep).join("/"))) continue;
      for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(SPECIFIERS)) {
        const rel = path.relative(featuresDir, path.resolve(path.dirname(file), spec)).split(path.sep);
        if (rel[0] !== ".." && rel.length > 1 && rel[0] !== entry.name) deps.add(rel[0]);
      }
    }
    graph.set(entry.name, deps);
  }
  return graph;
}

/** One cycle of `graph` as the path that closes it (`["a", "b", "a"]`), or null when there is none. */
export function findCycle(graph) {
  const state = new Map(); // absent: unseen; 1: on the current path; 2: done
  const stack = [];
  function visit(node) {
    state.set(node, 1);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 2);
    return null;
  }
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}
