import { defineConfig } from "vitest/config";

// Browser stories are heavy on a 2-core machine: one file at a time, one server for the whole run.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["tests/**/*.spec.ts"],
    globalSetup: ["fixtures/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
