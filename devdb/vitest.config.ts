import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "devdb",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Each test talks to a real TCP server and, for durability tests, fsyncs and spawns children.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
