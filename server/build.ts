import { readFileSync } from "node:fs";
import { build, type Plugin } from "esbuild";

/**
 * `pnpm --filter @rembuk/server build`: the server as plain JavaScript in `dist/`, so production runs
 * no TypeScript loader. The workspace packages (@rembuk/shared, @rembuk/devdb) publish TypeScript
 * sources, so they are bundled in, with the few dependencies of theirs that the server does not
 * itself declare (pnpm would not let `dist/` resolve those). The server's own dependencies stay
 * external: loaded from node_modules as they are in development, native addons (argon2) included.
 */
const pkg = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};
const external = new Set(
  Object.entries(pkg.dependencies)
    .filter(([, version]) => !version.startsWith("workspace:"))
    .map(([name]) => name),
);

const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const serverDependenciesExternal: Plugin = {
  name: "server-dependencies-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      external.has(packageName(args.path)) ? { path: args.path, external: true } : undefined,
    );
  },
};

await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  // Chunks sit beside main.js: config.ts finds the repository root and package.json relative to
  // its own file, which only works at the depth of src/.
  chunkNames: "[name]-[hash]",
  bundle: true,
  // main.ts imports the application lazily, after the configuration is checked; splitting keeps it so.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "bundle",
  plugins: [serverDependenciesExternal],
  // For stack traces in the server's own log (`node --enable-source-maps`); never served.
  sourcemap: true,
  // Bundled CommonJS (devdb's dependencies) calls require() for Node built-ins; ESM has none of its own.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
