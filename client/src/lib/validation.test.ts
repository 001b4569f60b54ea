import { describe, expect, it } from "vitest";
import { LoginInput, ProfileUpdateInput, RegisterInput } from "@rembuk/shared";
import { translate } from "./i18n";
import { issueText, validate } from "./validation";

const tId = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("id", key, params);

describe("validate with shared schemas", () => {
  it("maps zod issues to our own translated messages by field", () => {
    const res = validate(RegisterInput, { name: "A", email: "bukan-email", password: "pendek" });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(issueText(tId, res.issues.name)).toBe("Minimal 2 karakter.");
    expect(issueText(tId, res.issues.email)).toMatch(/^Masukkan alamat email yang valid/);
    expect(issueText(tId, res.issues.password)).toBe("Minimal 8 karakter.");
  });

  it("calls an empty required field required, not too short", () => {
    const res = validate(LoginInput, { email: "a@b.id", password: "" });
    expect(res.ok || issueText(tId, res.issues.password)).toBe("Wajib diisi.");
  });

  it("calls a blank field required even when the schema only sets a minimum length", () => {
    const res = validate(RegisterInput, { name: "   ", email: "a@b.id", password: "rahasia123" });
    expect(res.ok || issueText(tId, res.issues.name)).toBe("Wajib diisi.");
  });

  it("keys nested issues by dotted path", () => {
    const res = validate(ProfileUpdateInput, { affiliation: { kind: "agency", name: "X" } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.issues)).toEqual(["affiliation.name"]);
  });

  it("returns the parsed (normalised) data when valid", () => {
    const res = validate(LoginInput, { email: " Bupati@Contoh.GO.ID ", password: "x" });
    expect(res).toEqual({ ok: true, data: { email: "bupati@contoh.go.id", password: "x" } });
  });
});
