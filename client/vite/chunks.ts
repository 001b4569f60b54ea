import type { Plugin } from "vite";

/**
 * On a phone on 3G every request costs a round trip of half a second or more, and the browser
 * opens only six connections to a host: two dozen small chunks cost seconds before anything is
 * painted. So what the first page needs at once (the entry and everything it imports statically)
 * goes out as one chunk, and the libraries as another, while each page loaded on demand keeps its
 * own chunks. `initialModules` learns that set while the build runs; `test` reads it when chunks form.
 */
export function initialChunk(): {
  plugin: Plugin;
  isInitial: (id: string) => boolean;
  isVendor: (id: string) => boolean;
} {
  const initial = new Set<string>();
  const plugin: Plugin = {
    name: "rembuk:initial-chunk",
    apply: "build",
    buildEnd() {
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const queue = [...entries];
      while (queue.length) {
        const id = queue.pop() as string;
        if (initial.has(id)) continue;
        initial.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  const isLibrary = (id: string) => /[\\/]node_modules[\\/]/.test(id);
  return {
    plugin,
    // Our own code of the first page, and the libraries it needs (apart, as they change less often).
    isInitial: (id) => initial.has(id) && !isLibrary(id),
    isVendor: (id) => initial.has(id) && isLibrary(id),
  };
}
