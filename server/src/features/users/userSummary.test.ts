import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { toUserSummary } from "./userSummary.js";

const base = { _id: new Types.ObjectId(), name: "Rina", role: "member" as const, title: "", verified: false };

describe("toUserSummary", () => {
  it("names a kabupaten/kota with its province, so pages with authors need no region list", () => {
    const s = toUserSummary({ ...base, affiliation: { kind: "region", code: "33.73" } });
    expect(s.place).toBe("Kota Salatiga, Jawa Tengah");
  });

  it("names a province alone, an agency by its name, and nothing without an affiliation", () => {
    expect(toUserSummary({ ...base, affiliation: { kind: "region", code: "33" } }).place).toBe("Jawa Tengah");
    expect(toUserSummary({ ...base, affiliation: { kind: "agency", name: "BKN" } }).place).toBe("BKN");
    expect(toUserSummary({ ...base, affiliation: null }).place).toBeNull();
  });
});
