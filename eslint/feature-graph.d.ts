// Types for the test that runs feature-graph.js (server/src/featureBoundaries.test.ts).
export function featureImports(srcRoot: string): Map<string, Set<string>>;
export function findCycle(graph: ReadonlyMap<string, Iterable<string>>): string[] | null;
