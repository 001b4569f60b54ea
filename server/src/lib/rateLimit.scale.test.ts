import { afterEach, describe, expect, it } from "vitest";
import { configureRateLimits, consume, LIMIT_RULES, scaledBudgets } from "./rateLimit.js";

afterEach(() => configureRateLimits(null));

describe("RATE_LIMIT_SCALE budgets", () => {
  it("multiplies every budget, and scale 1 changes nothing", () => {
    expect(scaledBudgets(1)).toEqual({});
    const scaled = scaledBudgets(20);
    expect(scaled.write).toBe(LIMIT_RULES.write.points * 20);
    expect(scaled.register).toBe(LIMIT_RULES.register.points * 20);
    expect(Object.keys(scaled).sort()).toEqual(Object.keys(LIMIT_RULES).sort());
  });

  it("lets a scaled budget take exactly that many points, then refuses with 429", async () => {
    configureRateLimits(null, scaledBudgets(2));
    const key = `scale-test-${Date.now()}`;
    for (let i = 0; i < LIMIT_RULES.register.points * 2; i++) await consume("register", key);
    await expect(consume("register", key)).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
  });
});
