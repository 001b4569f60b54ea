import { describe, expect, it } from "vitest";
import { domainEvents } from "./events.js";

declare module "./events.js" {
  interface DomainEvents {
    "test.happened": { n: number };
  }
}

describe("domainEvents", () => {
  it("delivers to every listener in order, survives a throwing one, and unsubscribes", async () => {
    const seen: string[] = [];
    const offA = domainEvents.on("test.happened", (e) => void seen.push(`a${e.n}`));
    const offB = domainEvents.on("test.happened", () => {
      throw new Error("boom");
    });
    const offC = domainEvents.on("test.happened", async (e) => {
      await Promise.resolve();
      seen.push(`c${e.n}`);
    });
    await domainEvents.emit("test.happened", { n: 1 });
    offA();
    await domainEvents.emit("test.happened", { n: 2 });
    offB();
    offC();
    await domainEvents.emit("test.happened", { n: 3 });
    expect(seen).toEqual(["a1", "c1", "c2"]);
  });
});
