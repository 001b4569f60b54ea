import { describe, expect, it } from "vitest";
import type { Role } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { assertCan, can } from "../../lib/policy.js";
import { AppError } from "../../lib/errors.js";

const actor = (id: string, role: Role, suspendedUntil: Date | null = null): Actor => ({
  id,
  role,
  name: id,
  verified: false,
  affiliation: null,
  suspendedUntil,
});

const admin = actor("admin1", "admin");
const moderator = actor("mod1", "moderator");
const member = actor("member1", "member");

/** Targets by role; "self" means the target is the actor. */
type TargetKind = "self" | "member" | "moderator" | "admin";
const targetFor = (who: Actor, kind: TargetKind) =>
  kind === "self" ? { id: who.id, role: who.role } : { id: `other-${kind}`, role: kind };

type UserAction =
  | "user.updateProfile"
  | "user.verify"
  | "user.setRole"
  | "user.suspend"
  | "user.unsuspend"
  | "user.editClaim"
  | "user.requestVerification"
  | "user.viewVerification";

// role × action × target → allowed?
const table: Array<[Actor, UserAction, TargetKind, boolean]> = [
  // Profile: only oneself, whatever the role.
  [member, "user.updateProfile", "self", true],
  [member, "user.updateProfile", "member", false],
  [moderator, "user.updateProfile", "member", false],
  [admin, "user.updateProfile", "member", false],
  [admin, "user.updateProfile", "self", true],
  // Verification (issue 11): a member asks for their own claim; staff correct claims (an admin's
  // only by an admin) and read anyone's latest request.
  [member, "user.requestVerification", "self", true],
  [member, "user.requestVerification", "member", false],
  [moderator, "user.requestVerification", "member", false],
  [member, "user.viewVerification", "self", true],
  [member, "user.viewVerification", "member", false],
  [moderator, "user.viewVerification", "member", true],
  [member, "user.editClaim", "member", false],
  [moderator, "user.editClaim", "member", true],
  [moderator, "user.editClaim", "admin", false],
  [admin, "user.editClaim", "admin", true],
  // Verified badge: moderators and admins.
  [member, "user.verify", "member", false],
  [member, "user.verify", "self", false],
  [moderator, "user.verify", "member", true],
  [admin, "user.verify", "moderator", true],
  // Roles: admins only, never their own.
  [member, "user.setRole", "self", false],
  [moderator, "user.setRole", "member", false],
  [admin, "user.setRole", "member", true],
  [admin, "user.setRole", "moderator", true],
  [admin, "user.setRole", "admin", true],
  [admin, "user.setRole", "self", false],
  // Suspension: staff; never an admin, never oneself; moderators not moderators.
  [member, "user.suspend", "member", false],
  [moderator, "user.suspend", "member", true],
  [moderator, "user.suspend", "moderator", false],
  [moderator, "user.suspend", "admin", false],
  [moderator, "user.suspend", "self", false],
  [admin, "user.suspend", "member", true],
  [admin, "user.suspend", "moderator", true],
  [admin, "user.suspend", "admin", false],
  [admin, "user.suspend", "self", false],
  [moderator, "user.unsuspend", "member", true],
  [moderator, "user.unsuspend", "moderator", false],
  [admin, "user.unsuspend", "moderator", true],
  [admin, "user.unsuspend", "admin", false],
  [member, "user.unsuspend", "member", false],
];

describe("user policy", () => {
  it.each(table)("%o %s on %s → %s", (who, action, kind, allowed) => {
    expect(can(who, action, targetFor(who, kind))).toBe(allowed);
    if (!allowed)
      expect(() => assertCan(who, action, targetFor(who, kind))).toThrow(
        expect.objectContaining({ code: "FORBIDDEN", status: 403 }),
      );
  });

  it("lists users for admins only; guests are asked to sign in", () => {
    expect(can(admin, "user.list")).toBe(true);
    expect(can(moderator, "user.list")).toBe(false);
    expect(can(member, "user.list")).toBe(false);
    expect(() => assertCan(null, "user.list")).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED", status: 401 }),
    );
    expect(() => assertCan(member, "user.list")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("shows emails to the user themself and admins, account state also to moderators", () => {
    const target = { id: "someone", role: "member" as const };
    expect(can(admin, "user.viewEmail", target)).toBe(true);
    expect(can(moderator, "user.viewEmail", target)).toBe(false);
    expect(can(member, "user.viewEmail", target)).toBe(false);
    expect(can(null, "user.viewEmail", target)).toBe(false);
    expect(can(actor("someone", "member"), "user.viewEmail", target)).toBe(true);
    expect(can(moderator, "user.viewAccount", target)).toBe(true);
    expect(can(member, "user.viewAccount", target)).toBe(false);
  });
});

describe("assertCan", () => {
  const target = { id: "t", role: "member" as const };

  it("refuses guests any write with 401", () => {
    expect(() => assertCan(null, "user.updateProfile", target)).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
  });

  it("refuses a suspended actor every write with 403 SUSPENDED and the end date", () => {
    const until = new Date(Date.now() + 3_600_000);
    const suspendedMod = actor("mod2", "moderator", until);
    let caught: unknown;
    try {
      assertCan(suspendedMod, "user.suspend", target);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({
      code: "SUSPENDED",
      status: 403,
      details: { suspendedUntil: until.toISOString() },
    });
    // Even on oneself.
    expect(() => assertCan(actor("t", "member", until), "user.updateProfile", target)).toThrow(
      expect.objectContaining({ code: "SUSPENDED" }),
    );
  });

  it("lets a suspended actor read, and an expired suspension no longer counts", () => {
    const past = new Date(Date.now() - 1000);
    expect(can(actor("admin2", "admin", new Date(Date.now() + 60_000)), "user.list")).toBe(true);
    expect(can(actor("mod3", "moderator", past), "user.suspend", target)).toBe(true);
  });
});

describe("verification queue and outbox (role × action)", () => {
  it.each([
    [member, false],
    [moderator, true],
    [admin, true],
  ] as const)("%o reviews and decides verification requests: %s", (who, allowed) => {
    expect(can(who, "verification.review")).toBe(allowed);
    expect(can(who, "verification.decide")).toBe(allowed);
  });

  it("only admins read the outbox; guests and suspended staff decide nothing", () => {
    expect([member, moderator, admin, null].map((who) => can(who, "mail.viewOutbox"))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(can(null, "verification.review")).toBe(false);
    expect(can(actor("mod2", "moderator", new Date(Date.now() + 3600_000)), "verification.decide")).toBe(
      false,
    );
  });
});
