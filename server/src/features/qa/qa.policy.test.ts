import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";

const person = (id: string, role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({
  id,
  role,
  name: id,
  verified: false,
  affiliation: null,
  suspendedUntil: null,
  ...extra,
});

const admin = person("a", "admin");
const globalMod = person("g", "moderator");
const roomMod = person("r", "member");
const host = person("h", "member");
const leader = person("l", "member", { verified: true });
const member = person("m", "member");
const suspendedHost = person("h", "member", { suspendedUntil: new Date(Date.now() + 3_600_000) });
const session = { moderatorIds: ["r"], hostIds: ["h"] };

describe("qa policy", () => {
  it.each([
    ["admin", admin, true],
    ["global moderator", globalMod, true],
    ["room moderator", roomMod, true],
    ["host", host, true],
    ["verified leader who is not a host", leader, false],
    ["member", member, false],
    ["suspended host", suspendedHost, false],
    ["guest", null, false],
  ])("moderate a session: %s → %s", (_label, actor, allowed) => {
    expect(can(actor, "qa.moderate", session)).toBe(allowed);
    // Reading the queue is not a write: a suspended host still sees it, but cannot act on it.
    expect(can(actor, "qa.viewModeration", session)).toBe(allowed || actor === suspendedHost);
  });

  it.each([
    ["admin", admin, true],
    ["room moderator", roomMod, true],
    ["verified leader", leader, true],
    ["unverified member", member, false],
    ["guest", null, false],
  ])("create a session in a room: %s → %s", (_label, actor, allowed) => {
    expect(can(actor, "qa.create", { moderatorIds: ["r"] })).toBe(allowed);
  });

  it.each([
    ["admin", admin, true],
    ["global moderator", globalMod, true],
    ["room moderator", roomMod, true],
    ["host who is not a room moderator", host, false],
    ["member", member, false],
    ["guest", null, false],
  ])("see who asked an anonymous question: %s → %s", (_label, actor, allowed) => {
    expect(can(actor, "qa.viewAnonymous", session)).toBe(allowed);
  });

  it("lets any signed-in, unsuspended person ask and vote, never a guest", () => {
    expect(can(member, "qa.ask")).toBe(true);
    expect(can(member, "qa.vote")).toBe(true);
    expect(can(null, "qa.ask")).toBe(false);
    expect(can(null, "qa.vote")).toBe(false);
    expect(can(suspendedHost, "qa.vote")).toBe(false);
  });
});
