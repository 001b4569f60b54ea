import { describe, expect, it } from "vitest";
import { DEMO_PRACTICES } from "./practices.data.js";

describe("demo practices", () => {
  it("fall within the dashboard's twelve calendar months whatever today is (at most 333 days old)", () => {
    expect(Math.max(...DEMO_PRACTICES.map((p) => p.daysAgo))).toBeLessThanOrEqual(333);
  });
});
