import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** The API server in development (`pnpm dev` runs it on :3000). */
const API_ORIGIN = "http://localhost:3000";

// The production server serves `dist/` under a strict CSP (script-src 'self', no eval, no external
// fonts), so the build must emit only external module scripts and stylesheets.
export default defineConfig({
  plugins: [react()],
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
    rolldownOptions: {
      // A feature's front door (index.ts) only re-exports: importing one name from it must not pull
      // the feature's other modules (and their stylesheets) into the importer's chunk.
      treeshake: { moduleSideEffects: (id: string) => !/\/features\/[^/]+\/index\.ts$/.test(id) },
    },
  },
});
