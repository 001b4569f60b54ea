import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { initialChunk } from "./vite/chunks";
import { appIcons, ICONS } from "./vite/icons";
import { precompress } from "./vite/precompress";

/** The API server in development (`pnpm dev` runs it on :3000). */
const API_ORIGIN = "http://localhost:3000";
const THEME = "#0e2a3b";

/**
 * The service worker precaches the shell only: index.html, what it loads at once (entry script,
 * its static imports, styles), both dictionaries, manifest and icons. Page code is kept as it is
 * used, so a first visit does not fetch every page of the app in the background.
 */
function shellOnly(outDir: string) {
  return (entries: { url: string; size: number; revision: string | null }[]) => {
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    const loadedAtOnce = new Set([...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]));
    const manifest = entries.filter(
      (e) =>
        e.url === "index.html" ||
        e.url.startsWith("icons/") ||
        loadedAtOnce.has(e.url) ||
        /^assets\/messages\.(id|en)-[\w-]+\.js$/.test(e.url),
    );
    return { manifest, warnings: [] };
  };
}

// The production server serves `dist/` under a strict CSP (script-src 'self', no eval, no external
// fonts), so the build must emit only external module scripts and stylesheets.
const initial = initialChunk();

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    initial.plugin,
    appIcons(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      // Registered by lib/offline/serviceWorker.ts once the first visit has loaded.
      injectRegister: false,
      manifest: {
        name: "Rembuk — Forum Praktik Baik Pemerintah Daerah",
        short_name: "Rembuk",
        description: "Forum berbagi praktik baik pemerintah daerah Indonesia.",
        lang: "id",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: THEME,
        background_color: THEME,
        icons: ICONS.map((icon) => ({ ...icon, src: `/${icon.src}` })),
      },
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,png,svg,webmanifest}"],
        manifestTransforms: [shellOnly(join(import.meta.dirname, "dist"))],
        // Source maps stay out of the worker; its code is ours and small.
        sourcemap: false,
      },
      devOptions: { enabled: false },
      disable: command !== "build",
    }),
    precompress(),
  ],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: API_ORIGIN, changeOrigin: false },
      "/socket.io": { target: API_ORIGIN, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Maps would publish the sources; the server refuses *.map in any case.
    sourcemap: false,
    target: "es2022",
    // One stylesheet for the whole app (≈20 KB compressed): fewer round trips than a file per page.
    cssCodeSplit: false,
    rolldownOptions: {
      // A feature's front door (index.ts) only re-exports: importing one name from it must not pull
      // the feature's other modules (and their stylesheets) into the importer's chunk.
      treeshake: { moduleSideEffects: (id: string) => !/\/features\/[^/]+\/index\.ts$/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            { name: "vendor", test: initial.isVendor, priority: 2 },
            { name: "app", test: initial.isInitial, priority: 1 },
          ],
        },
      },
    },
  },
}));
