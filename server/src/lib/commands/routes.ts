import type { Express } from "express";

interface LayerLike {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: LayerLike[] };
  rawPath?: string;
}

/**
 * Every route registered under `/api`, as `METHOD /path` (Express path syntax), read from the
 * router stack itself, so a route added by any means shows up. Routers mounted inside `/api`
 * are mounted at its root (features/registry.ts), so their paths are already whole.
 */
export function apiRoutes(app: Express): string[] {
  const root = (app as unknown as { router: { stack: LayerLike[] } }).router.stack;
  const api = root.find((l) => l.rawPath === "/api" && l.handle.stack);
  if (!api) throw new Error("no /api router mounted");
  const out: string[] = [];
  const walk = (stack: LayerLike[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== "_all") out.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(api.handle.stack ?? []);
  return out;
}
