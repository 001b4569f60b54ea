import { defineConfig } from "vitest/config";

// One run covers every workspace package's unit and integration tests; e2e has its own config
// because it needs a built client and a browser.
export default defineConfig({
  test: {
    projects: ["shared", "devdb", "server", "client"],
  },
});
