import { describe, expect, it } from "vitest";
import type { Affiliation, Role } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { AppError } from "../../lib/errors.js";
import { assertCan, can } from "../../lib/policy.js";
import { affiliationKey } from "../users/affiliation.js";

const actor = (
  id: string,
  role: Role,
  o: { verified?: boolean; affiliation?: Affiliation | null; suspended?: boolean } = {},
): Actor => ({
  id,
  role,
  name: id,
  verified: o.verified ?? false,
  affiliation: o.affiliation === undefined ? { kind: "region", code: "33.73" } : o.affiliation,
  suspendedUntil: o.suspended ? new Date(Date.now() + 3600_000) : null,
});

const salatiga: Affiliation = { kind: "region", code: "33.73" };
const author = actor("author", "member");
const stranger = actor("stranger", "member", { affiliation: { kind: "region", code: "73.06" } });
const roomMod = actor("roommod", "member");
const moderator = actor("mod", "moderator", { affiliation: { kind: "agency", name: "LAN" } });
const admin = actor("admin", "admin");
const suspendedAuthor = actor("author", "member", { suspended: true });
const practice = { authorId: "author", roomModerators: ["roommod"] };

describe("practice policy (role × action)", () => {
  const table: Array<[string, Actor | null, "practice.edit" | "practice.promote", boolean]> = [
    ["the author edits", author, "practice.edit", true],
    ["a stranger edits", stranger, "practice.edit", false],
    ["the room's moderator edits", roomMod, "practice.edit", true],
    ["a global moderator edits", moderator, "practice.edit", true],
    ["an admin edits", admin, "practice.edit", true],
    ["a suspended author edits", suspendedAuthor, "practice.edit", false],
    ["a guest edits", null, "practice.edit", false],
    ["the author promotes", author, "practice.promote", false],
    ["the room's moderator promotes", roomMod, "practice.promote", true],
    ["a global moderator promotes", moderator, "practice.promote", true],
    ["an admin promotes", admin, "practice.promote", true],
    ["a guest promotes", null, "practice.promote", false],
  ];
  it.each(table)("%s → %s", (_label, who, action, allowed) => {
    expect(can(who, action, practice)).toBe(allowed);
  });

  it.each([
    [author, false],
    [stranger, false],
    [moderator, true],
    [admin, true],
    [null, false],
  ] as const)("dashboard and export for %o: %s", (who, allowed) => {
    expect(can(who, "practice.viewStats")).toBe(allowed);
    expect(can(who, "practice.export")).toBe(allowed);
  });

  it("answers guests 401 and suspended actors 403 SUSPENDED", () => {
    expect(() => assertCan(null, "practice.edit", practice)).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    try {
      assertCan(suspendedAuthor, "practice.edit", practice);
      throw new Error("allowed");
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "SUSPENDED" });
    }
  });
});

describe("adoption policy (role × action)", () => {
  const adoption = { adopterId: "adopter", affiliationKey: affiliationKey(salatiga) };
  const table: Array<[string, Actor | null, boolean]> = [
    ["the adopter, verified", actor("adopter", "member", { verified: true }), true],
    // Issue 11: whoever declared it no longer speaks for the region once unverified (claim changed).
    ["the adopter, no longer verified", actor("adopter", "member"), false],
    [
      "the adopter, verified for another region now",
      actor("adopter", "member", { verified: true, affiliation: { kind: "region", code: "35.10" } }),
      false,
    ],
    ["a verified leader of the same region", actor("mayor", "member", { verified: true }), true],
    ["an unverified colleague", actor("staff", "member"), false],
    [
      "a verified leader of another region",
      actor("other", "member", { verified: true, affiliation: { kind: "region", code: "33.74" } }),
      false,
    ],
    ["a moderator", moderator, false],
    ["an admin", actor("root", "admin", { affiliation: null }), false],
    ["a guest", null, false],
  ];
  it.each(table)("%s may move it: %s", (_label, who, allowed) => {
    expect(can(who, "adoption.advance", adoption)).toBe(allowed);
  });

  it.each([
    ["a verified member with a region", actor("v", "member", { verified: true }), true],
    ["an unverified member with a region", author, false],
    [
      "a verified member of an agency",
      actor("m", "moderator", { verified: true, affiliation: { kind: "agency", name: "LAN" } }),
      true,
    ],
    ["an unverified moderator of an agency", moderator, false],
    ["a member without an affiliation", actor("x", "member", { affiliation: null }), false],
    ["a suspended member", suspendedAuthor, false],
    ["a guest", null, false],
  ] as const)("%s may declare an adoption: %s", (_label, who, allowed) => {
    expect(can(who, "adoption.create")).toBe(allowed);
  });

  it("treats agency names alike regardless of case and spacing", () => {
    expect(affiliationKey({ kind: "agency", name: "Lembaga  Administrasi Negara " })).toBe(
      affiliationKey({ kind: "agency", name: "lembaga administrasi negara" }),
    );
    expect(affiliationKey({ kind: "region", code: "33" })).not.toBe(
      affiliationKey({ kind: "region", code: "33.73" }),
    );
  });
});
