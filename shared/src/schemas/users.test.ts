import { describe, expect, it } from "vitest";
import { RegisterInput, LoginInput } from "./auth.js";
import { Affiliation } from "./common.js";
import { UserPatchInput } from "./users.js";

describe("auth schemas", () => {
  it("normalises email case and whitespace", () => {
    const r = RegisterInput.parse({ email: "  Bupati@Example.GO.ID ", password: "rahasia123", name: "Ani" });
    expect(r.email).toBe("bupati@example.go.id");
  });

  it("rejects operator payloads instead of passing them to a query", () => {
    expect(LoginInput.safeParse({ email: { $gt: "" }, password: "x" }).success).toBe(false);
  });

  it("rejects unknown keys", () => {
    expect(LoginInput.safeParse({ email: "a@b.id", password: "x", role: "admin" }).success).toBe(false);
  });
});

describe("affiliation", () => {
  it("accepts province and kabupaten/kota codes and agencies", () => {
    expect(Affiliation.safeParse({ kind: "region", code: "33" }).success).toBe(true);
    expect(Affiliation.safeParse({ kind: "region", code: "33.73" }).success).toBe(true);
    expect(Affiliation.safeParse({ kind: "agency", name: "Lembaga Administrasi Negara" }).success).toBe(true);
  });

  it("rejects malformed codes", () => {
    expect(Affiliation.safeParse({ kind: "region", code: "3373" }).success).toBe(false);
    expect(Affiliation.safeParse({ kind: "region", code: "33.7" }).success).toBe(false);
  });
});

describe("user patch", () => {
  it("refuses an empty patch", () => {
    expect(UserPatchInput.safeParse({}).success).toBe(false);
  });
});
