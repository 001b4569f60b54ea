import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import type { Role } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can, assertCan } from "../../lib/policy.js";
import { affiliationAllowed, canSeeRoom, visibleContentFilter, type RoomAccess } from "./room.visibility.js";

const id = () => new Types.ObjectId().toHexString();

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { id: id(), role, name: role, verified: false, affiliation: null, suspendedUntil: null, ...extra };
}

const semarang = { kind: "region", code: "33.74" } as const;
const jateng = { kind: "region", code: "33" } as const;
const jatim = { kind: "region", code: "35.10" } as const;
const lan = { kind: "agency", name: "Lembaga Administrasi Negara" } as const;

const roomModerator = actor("member", { affiliation: jatim });
const rooms: Record<string, RoomAccess> = {
  public: { visibility: "public", allowedAffiliations: [], moderators: [] },
  members: { visibility: "members", allowedAffiliations: [], moderators: [] },
  restricted: {
    visibility: "restricted",
    allowedAffiliations: [jateng, lan],
    moderators: [roomModerator.id],
  },
};

const people: Record<string, Actor | null> = {
  guest: null,
  member: actor("member", { affiliation: jatim }),
  insider: actor("member", { affiliation: semarang, verified: true }),
  /** Claims Semarang but nobody checked it: an outsider for restricted rooms (issue 11). */
  unverifiedInsider: actor("member", { affiliation: semarang }),
  agency: actor("member", {
    affiliation: { kind: "agency", name: "  lembaga administrasi  NEGARA " },
    verified: true,
  }),
  roomModerator,
  moderator: actor("moderator"),
  admin: actor("admin"),
  suspendedInsider: actor("member", {
    affiliation: semarang,
    verified: true,
    suspendedUntil: new Date(Date.now() + 3600_000),
  }),
};

describe("room visibility (role × room)", () => {
  const table: Array<[string, string, boolean]> = [
    ["guest", "public", true],
    ["guest", "members", false],
    ["guest", "restricted", false],
    ["member", "public", true],
    ["member", "members", true],
    ["member", "restricted", false],
    ["insider", "restricted", true],
    ["unverifiedInsider", "restricted", false],
    ["unverifiedInsider", "members", true],
    ["agency", "restricted", true],
    ["roomModerator", "restricted", true],
    ["moderator", "restricted", true],
    ["admin", "restricted", true],
    ["suspendedInsider", "restricted", true],
  ];
  it.each(table)("%s sees %s room: %s", (who, room, expected) => {
    expect(canSeeRoom(people[who], rooms[room])).toBe(expected);
    expect(can(people[who], "room.view", { room: rooms[room] })).toBe(expected);
  });

  it("matches a kabupaten/kota to its listed province, not the other way round", () => {
    expect(affiliationAllowed({ kind: "region", code: "33.74" }, [jateng])).toBe(true);
    expect(affiliationAllowed({ kind: "region", code: "33" }, [semarang])).toBe(false);
    expect(affiliationAllowed({ kind: "region", code: "34.01" }, [jateng])).toBe(false);
    expect(affiliationAllowed({ kind: "agency", name: "BKN" }, [lan])).toBe(false);
    expect(affiliationAllowed(null, [jateng])).toBe(false);
  });
});

describe("room, thread and post actions (role × action × resource)", () => {
  const pub = rooms.public;
  const restricted = rooms.restricted;
  const author = people.member;
  if (!author) throw new Error("fixture");
  const thread = { status: "published", authorId: author.id, locked: false } as const;
  const post = { status: "published", authorId: author.id, deleted: false, seq: 2 } as const;
  const otherMember = actor("member");

  it("only admins create and edit rooms", () => {
    expect(can(people.admin, "room.create")).toBe(true);
    for (const who of ["guest", "member", "moderator", "roomModerator"])
      expect(can(people[who], "room.create")).toBe(false);
    expect(can(people.admin, "room.update", { room: pub })).toBe(true);
    expect(can(people.moderator, "room.update", { room: pub })).toBe(false);
  });

  it("guests get 401, suspended users 403 SUSPENDED, outsiders 403 on writes", () => {
    expect(() => assertCan(null, "post.create", { room: pub, thread })).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    expect(() => assertCan(people.suspendedInsider, "post.create", { room: restricted, thread })).toThrow(
      expect.objectContaining({ code: "SUSPENDED" }),
    );
    expect(() => assertCan(people.member, "thread.create", { room: restricted })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(can(people.insider, "thread.create", { room: restricted })).toBe(true);
  });

  it("authors edit their posts; nobody else does, moderators included", () => {
    expect(can(author, "post.update", { room: pub, thread, post })).toBe(true);
    expect(can(otherMember, "post.update", { room: pub, thread, post })).toBe(false);
    expect(can(people.moderator, "post.update", { room: pub, thread, post })).toBe(false);
  });

  it("authors and the room's moderators delete; other members do not", () => {
    expect(can(author, "post.delete", { room: pub, thread, post })).toBe(true);
    expect(can(people.moderator, "post.delete", { room: pub, thread, post })).toBe(true);
    expect(can(people.admin, "post.delete", { room: pub, thread, post })).toBe(true);
    expect(can(otherMember, "post.delete", { room: pub, thread, post })).toBe(false);
    const theirRoom = { ...pub, moderators: [otherMember.id] };
    expect(can(otherMember, "post.delete", { room: theirRoom, thread, post })).toBe(true);
  });

  it("a hidden post reaches others as a placeholder (seen, not read); a rejected one not at all", () => {
    const hidden = { ...post, status: "hidden" } as const;
    expect(can(otherMember, "post.view", { room: pub, thread, post: hidden })).toBe(true);
    expect(can(otherMember, "post.viewHistory", { room: pub, thread, post: hidden })).toBe(false);
    expect(can(otherMember, "post.react", { room: pub, thread, post: hidden })).toBe(false);
    expect(can(author, "post.viewHistory", { room: pub, thread, post: hidden })).toBe(true);
    const rejected = { ...hidden, seq: 0 };
    expect(can(otherMember, "post.view", { room: pub, thread, post: rejected })).toBe(false);
    expect(can(author, "post.view", { room: pub, thread, post: rejected })).toBe(true);
  });

  it("queued or hidden content is seen by its author and moderators only", () => {
    const queued = { ...post, status: "queued" } as const;
    expect(can(null, "post.view", { room: pub, thread, post: queued })).toBe(false);
    expect(can(otherMember, "post.view", { room: pub, thread, post: queued })).toBe(false);
    expect(can(author, "post.view", { room: pub, thread, post: queued })).toBe(true);
    expect(can(people.moderator, "post.view", { room: pub, thread, post: queued })).toBe(true);
    const hiddenThread = { ...thread, status: "hidden" } as const;
    expect(can(otherMember, "thread.view", { room: pub, thread: hiddenThread })).toBe(false);
    expect(can(people.admin, "thread.view", { room: pub, thread: hiddenThread })).toBe(true);
  });

  it("history of a deleted post stays with its author and moderators", () => {
    const deleted = { ...post, deleted: true };
    expect(can(otherMember, "post.viewHistory", { room: pub, thread, post })).toBe(true);
    expect(can(otherMember, "post.viewHistory", { room: pub, thread, post: deleted })).toBe(false);
    expect(can(author, "post.viewHistory", { room: pub, thread, post: deleted })).toBe(true);
    expect(can(people.moderator, "post.viewHistory", { room: pub, thread, post: deleted })).toBe(true);
  });

  it("reading marks need a signed-in reader, suspended ones included", () => {
    expect(can(null, "thread.markRead", { room: pub, thread })).toBe(false);
    expect(can(people.suspendedInsider, "thread.markRead", { room: restricted, thread })).toBe(true);
    expect(can(people.member, "thread.markRead", { room: restricted, thread })).toBe(false);
  });

  it("builds one visibility filter for queries", () => {
    expect(visibleContentFilter(null, pub)).toEqual({ status: "published" });
    expect(visibleContentFilter(people.admin, pub)).toEqual({});
    expect(visibleContentFilter(author, pub)).toEqual({
      $or: [{ status: "published" }, { authorId: author.id }],
    });
  });
});
