import { describe, expect, it } from "vitest";
import { makeThread } from "../posts/test/fixtures";
import { appendPage, placeThread } from "./threads.order";

const t = (id: string, o: Parameters<typeof makeThread>[0] = {}) => makeThread({ id, ...o });

describe("placing live threads among loaded ones", () => {
  const byId = {
    pin: t("pin", { pinned: true, lastActivityAt: "2026-01-01T00:00:00.000Z" }),
    a: t("a", { lastActivityAt: "2026-01-05T00:00:00.000Z", postCount: 9 }),
    b: t("b", { lastActivityAt: "2026-01-03T00:00:00.000Z", postCount: 2 }),
  };

  it("activity: a bumped thread goes right after the pinned ones", () => {
    const bumped = t("b", { lastActivityAt: "2026-01-09T00:00:00.000Z" });
    expect(placeThread(["pin", "a", "b"], bumped, { ...byId, b: bumped }, "activity", false)).toEqual([
      "pin",
      "b",
      "a",
    ]);
  });

  it("top: a thread that sorts after everything loaded stays out while more pages remain", () => {
    const small = t("c", { postCount: 1 });
    expect(placeThread(["a", "b"], small, { ...byId, c: small }, "top", false)).toEqual(["a", "b"]);
    expect(placeThread(["a", "b"], small, { ...byId, c: small }, "top", true)).toEqual(["a", "b", "c"]);
  });

  it("a page never repeats a thread a live update already moved up", () => {
    expect(appendPage(["b", "a"], [t("a"), t("c")])).toEqual(["b", "a", "c"]);
  });
});
