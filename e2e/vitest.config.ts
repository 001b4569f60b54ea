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
    // Live updates cross a socket and a React render; on a loaded 2-core CI machine that can take
    // longer than vitest's 1 s default. Specs that promise a bound (B sees A's post within 2 s) set
    // their own timeout.
    expect: { poll: { timeout: 10_000 } },
  },
});
