import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/actor.js";
import { assertCan, can } from "../../lib/policy.js";
import type { RoomAccess } from "../rooms/room.visibility.js";

/**
 * Every moderation action × admin, global moderator, room moderator in and outside their room, the
 * content's author, another member, a guest (and suspended moderators). Pure: no database.
 */
const id = (n: number) => n.toString(16).padStart(24, "0");
const person = (n: number, role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({
  id: id(n),
  role,
  name: `Orang ${n}`,
  verified: false,
  affiliation: null,
  suspendedUntil: null,
  ...extra,
});

const admin = person(1, "admin");
const globalMod = person(2, "moderator");
const roomMod = person(3, "member");
const author = person(4, "member");
const member = person(5, "member");
const guest = null;

const room: RoomAccess = { visibility: "public", allowedAffiliations: [], moderators: [roomMod.id] };
const otherRoom: RoomAccess = { visibility: "public", allowedAffiliations: [], moderators: [] };
const thread = { status: "published" as const, authorId: author.id, locked: false };
const post = { status: "published" as const, authorId: author.id, deleted: false, seq: 2 };
const inRoom = { room, thread, post };
const outside = { room: otherRoom, thread, post };

type Who = "admin" | "globalMod" | "roomModIn" | "roomModOut" | "author" | "member" | "guest";
const CAST: Record<Who, { actor: Actor | null; resource: typeof inRoom }> = {
  admin: { actor: admin, resource: inRoom },
  globalMod: { actor: globalMod, resource: inRoom },
  roomModIn: { actor: roomMod, resource: inRoom },
  // The same room moderator, acting on a thread in a room that does not list them.
  roomModOut: { actor: roomMod, resource: outside },
  author: { actor: author, resource: inRoom },
  member: { actor: member, resource: inRoom },
  guest: { actor: guest, resource: inRoom },
};
const MODERATORS: Who[] = ["admin", "globalMod", "roomModIn"];
const EVERYONE = Object.keys(CAST) as Who[];

const THREAD_ACTIONS = [
  "moderate.thread.approve",
  "moderate.thread.reject",
  "moderate.thread.pin",
  "moderate.thread.unpin",
  "moderate.thread.feature",
  "moderate.thread.unfeature",
  "moderate.thread.lock",
  "moderate.thread.unlock",
  "moderate.thread.edit",
  "moderate.thread.hide",
  "moderate.thread.unhide",
] as const;
const POST_ACTIONS = [
  "moderate.post.approve",
  "moderate.post.reject",
  "moderate.post.hide",
  "moderate.post.unhide",
  "moderate.post.delete",
  "moderate.post.restore",
  "moderate.post.edit",
] as const;
const FLAG_ACTIONS = ["flag.resolve", "flag.assign", "flag.note"] as const;

describe("thread tools", () => {
  for (const action of THREAD_ACTIONS) {
    it.each(EVERYONE)(`${action} — %s`, (who) => {
      const { actor, resource } = CAST[who];
      expect(can(actor, action, resource)).toBe(MODERATORS.includes(who));
    });
  }

  it.each(EVERYONE)("moderate.thread.move needs both rooms — %s", (who) => {
    const { actor, resource } = CAST[who];
    // Into a room everyone moderates only through their global role.
    const intoUnlisted = { ...resource, target: otherRoom };
    const intoTheirs = { ...resource, target: room };
    const global = who === "admin" || who === "globalMod";
    expect(can(actor, "moderate.thread.move", intoUnlisted)).toBe(global);
    expect(can(actor, "moderate.thread.move", intoTheirs)).toBe(MODERATORS.includes(who));
  });
});

describe("post tools", () => {
  for (const action of POST_ACTIONS) {
    it.each(EVERYONE)(`${action} — %s`, (who) => {
      const { actor, resource } = CAST[who];
      expect(can(actor, action, resource)).toBe(MODERATORS.includes(who));
    });
  }
});

describe("flags", () => {
  it.each(EVERYONE)("flag.create: any reader but the author — %s", (who) => {
    const { actor, resource } = CAST[who];
    expect(can(actor, "flag.create", resource)).toBe(who !== "author" && who !== "guest");
  });

  it("a hidden post cannot be flagged by those who only see its placeholder", () => {
    const hidden = { ...inRoom, post: { ...post, status: "hidden" as const } };
    expect(can(member, "flag.create", hidden)).toBe(false);
    expect(can(globalMod, "flag.create", hidden)).toBe(true);
  });

  for (const action of FLAG_ACTIONS) {
    it.each(EVERYONE)(`${action} — %s`, (who) => {
      const { actor, resource } = CAST[who];
      expect(can(actor, action, { room: resource.room })).toBe(MODERATORS.includes(who));
    });
  }

  it.each(EVERYONE)("flag.view — %s", (who) => {
    const { actor, resource } = CAST[who];
    expect(can(actor, "flag.view", { room: resource.room })).toBe(MODERATORS.includes(who));
  });
});

describe("dashboard, settings and people", () => {
  const scopes: Record<Who, { global: boolean; roomIds: string[] }> = {
    admin: { global: true, roomIds: [] },
    globalMod: { global: true, roomIds: [] },
    roomModIn: { global: false, roomIds: [id(99)] },
    roomModOut: { global: false, roomIds: [] },
    author: { global: false, roomIds: [] },
    member: { global: false, roomIds: [] },
    guest: { global: false, roomIds: [] },
  };
  for (const action of ["moderation.viewQueue", "moderation.viewFlags", "moderation.viewLog"] as const) {
    it.each(EVERYONE)(`${action} — %s`, (who) => {
      expect(can(CAST[who].actor, action, scopes[who])).toBe(MODERATORS.includes(who));
    });
  }

  it.each(EVERYONE)("moderation.viewSuspended: global moderators and admins — %s", (who) => {
    expect(can(CAST[who].actor, "moderation.viewSuspended", scopes[who])).toBe(
      who === "admin" || who === "globalMod",
    );
  });

  it.each(EVERYONE)("room.updateSettings (slow mode, pre-moderation) — %s", (who) => {
    const { actor, resource } = CAST[who];
    expect(can(actor, "room.updateSettings", { room: resource.room })).toBe(MODERATORS.includes(who));
  });

  it.each(EVERYONE)("room.update (everything else) stays with admins — %s", (who) => {
    const { actor, resource } = CAST[who];
    expect(can(actor, "room.update", { room: resource.room })).toBe(who === "admin");
  });

  it.each(EVERYONE)("user.suspend of a member: global moderators and admins, site-wide — %s", (who) => {
    const target = { id: id(50), role: "member" as const };
    expect(can(CAST[who].actor, "user.suspend", target)).toBe(who === "admin" || who === "globalMod");
    expect(can(CAST[who].actor, "user.unsuspend", target)).toBe(who === "admin" || who === "globalMod");
  });
});

describe("errors", () => {
  it("guests get 401, suspended moderators 403 SUSPENDED, outsiders 403 FORBIDDEN", () => {
    expect(() => assertCan(null, "moderate.post.hide", inRoom)).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    const suspendedMod = { ...globalMod, suspendedUntil: new Date(Date.now() + 60_000) };
    expect(() => assertCan(suspendedMod, "moderate.post.hide", inRoom)).toThrow(
      expect.objectContaining({ code: "SUSPENDED" }),
    );
    expect(() => assertCan(member, "moderate.post.hide", inRoom)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => assertCan(roomMod, "moderate.thread.lock", outside)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });

  it("a room moderator of a restricted room they cannot see otherwise still moderates it", () => {
    const restricted: RoomAccess = {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
      moderators: [roomMod.id],
    };
    expect(can(roomMod, "moderate.thread.pin", { room: restricted, thread })).toBe(true);
    expect(can(member, "moderate.thread.pin", { room: restricted, thread })).toBe(false);
  });
});
