import { afterEach, describe, expect, it, vi } from "vitest";
import { Deadline } from "./deadline.js";

describe("Deadline (maxTimeMS)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("expires once the clock passes the budget, checking the clock every 512 ticks", () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const d = Deadline.of({ maxTimeMS: 50 }, null);
    expect(d).not.toBeNull();
    d?.check();
    now = 1050;
    d?.check(); // exactly at the budget is still within it
    now = 1051;
    for (let i = 0; i < 511; i++) d?.tick(); // the clock is not read yet
    expect(() => d?.tick()).toThrow(/operation exceeded time limit/);
    expect(() => d?.check()).toThrow(expect.objectContaining({ code: 50, codeName: "MaxTimeMSExpired" }));
  });

  it("treats 0 and absence as no limit, and refuses negative or fractional values", () => {
    expect(Deadline.of({}, null)).toBeNull();
    expect(Deadline.of({ maxTimeMS: 0 }, null)).toBeNull();
    expect(() => Deadline.of({ maxTimeMS: -5 }, null)).toThrow(expect.objectContaining({ code: 2 }));
    expect(() => Deadline.of({ maxTimeMS: 1.5 }, null)).toThrow(expect.objectContaining({ code: 2 }));
  });
});
