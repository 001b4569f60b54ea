import { defineProject } from "vitest/config";

// Each test file runs in its own worker with its own in-memory devdb and port, so files run in
// parallel safely; within a file tests share one server and run in order.
export default defineProject({
  test: {
    name: "server",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // The composition roots that fill lib's registries (policy table), as app.ts does at start.
    setupFiles: ["src/test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
