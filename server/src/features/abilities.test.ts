import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import type { Role } from "@rembuk/shared";
import type { Actor } from "../lib/actor.js";
import { adoptionAbilities } from "./practices/adoption.abilities.js";
import { postAbilities } from "./threads/post.abilities.js";
import { roomAbilities } from "./rooms/room.abilities.js";
import type { RoomAccess } from "./rooms/room.visibility.js";
import { threadAbilities, type ThreadAccess } from "./threads/thread.abilities.js";
import { siteAbilities, userAbilities } from "./users/user.abilities.js";

/**
 * The `can` objects DTOs carry are the policy table's answers for one viewer: owner, another member,
 * a room moderator, a global moderator, an admin, a guest. (The rules themselves are tested in each
 * feature's *.policy.test.ts; this checks the abilities ask the right rule about the right thing.)
 */
const oid = () => new Types.ObjectId().toHexString();
function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { id: oid(), role, name: role, verified: false, affiliation: null, suspendedUntil: null, ...extra };
}

const salatiga = { kind: "region", code: "33.73" } as const;
const owner = actor("member");
const other = actor("member");
const roomMod = actor("member");
const globalMod = actor("moderator");
const admin = actor("admin");
const suspended = actor("member", { suspendedUntil: new Date("2999-01-01T00:00:00Z") });
const room: RoomAccess = { visibility: "public", allowedAffiliations: [], moderators: [roomMod.id] };
const thread: ThreadAccess = { status: "published", authorId: owner.id, locked: false, kind: "discussion" };
const post = { status: "published" as const, authorId: owner.id, deleted: false, seq: 2 };
const author = { id: owner.id, role: "member" as const };

describe("post abilities", () => {
  it("let the author edit and delete but not flag; others flag; moderators delete and moderate", () => {
    expect(postAbilities(owner, room, post, author)).toEqual({
      edit: true,
      delete: true,
      flag: false,
      moderate: false,
      suspendAuthor: false,
    });
    expect(postAbilities(other, room, post, author)).toEqual({
      edit: false,
      delete: false,
      flag: true,
      moderate: false,
      suspendAuthor: false,
    });
    // A room's own moderator moderates there but suspends nobody (suspensions are site-wide).
    expect(postAbilities(roomMod, room, post, author)).toMatchObject({
      edit: false,
      delete: true,
      moderate: true,
      suspendAuthor: false,
    });
    expect(postAbilities(globalMod, room, post, author)).toMatchObject({
      delete: true,
      moderate: true,
      suspendAuthor: true,
    });
  });

  it("allow a guest and a suspended member nothing", () => {
    const none = { edit: false, delete: false, flag: false, moderate: false, suspendAuthor: false };
    expect(postAbilities(null, room, post, author)).toEqual(none);
    expect(postAbilities(suspended, room, { ...post, authorId: suspended.id }, author)).toEqual(none);
  });

  it("offer suspending a post's author only for members", () => {
    const modAuthor = { id: globalMod.id, role: "moderator" as const };
    expect(postAbilities(admin, room, { ...post, authorId: globalMod.id }, modAuthor).suspendAuthor).toBe(
      false,
    );
  });
});

describe("thread abilities", () => {
  it("let members reply and flag others' threads, and moderators moderate and promote", () => {
    expect(threadAbilities(owner, room, thread)).toMatchObject({
      reply: true,
      moderate: false,
      flag: false,
      promote: false,
      editPractice: false,
    });
    expect(threadAbilities(other, room, thread)).toMatchObject({ reply: true, flag: true, moderate: false });
    expect(threadAbilities(roomMod, room, thread)).toMatchObject({ moderate: true, promote: true });
    expect(threadAbilities(null, room, thread)).toMatchObject({ reply: false, flag: false, moderate: false });
  });

  it("say what the viewer may do with someone else's post, for posts that come by broadcast", () => {
    expect(threadAbilities(other, room, thread).othersPost).toMatchObject({
      edit: false,
      delete: false,
      flag: true,
    });
    expect(threadAbilities(roomMod, room, thread).othersPost).toMatchObject({ delete: true, moderate: true });
  });

  it("let a practice's author and the room's moderators edit its record, not other members", () => {
    const practice = { ...thread, kind: "practice" as const };
    expect(threadAbilities(owner, room, practice).editPractice).toBe(true);
    expect(threadAbilities(roomMod, room, practice).editPractice).toBe(true);
    expect(threadAbilities(other, room, practice).editPractice).toBe(false);
    expect(threadAbilities(roomMod, room, practice).promote).toBe(false);
  });
});

describe("room abilities", () => {
  it("give room moderators the room's tools, admins its settings, verified leaders Q&A hosting", () => {
    expect(roomAbilities(roomMod, room)).toEqual({
      moderate: true,
      update: false,
      createThread: true,
      hostQa: true,
    });
    expect(roomAbilities(admin, room)).toEqual({
      moderate: true,
      update: true,
      createThread: true,
      hostQa: true,
    });
    expect(roomAbilities(other, room)).toEqual({
      moderate: false,
      update: false,
      createThread: true,
      hostQa: false,
    });
    expect(roomAbilities(actor("member", { verified: true }), room).hostQa).toBe(true);
    expect(roomAbilities(null, room)).toEqual({
      moderate: false,
      update: false,
      createThread: false,
      hostQa: false,
    });
  });
});

describe("user and site abilities", () => {
  it("open the admin pages to admins and the organizer dashboard to staff", () => {
    expect(siteAbilities(admin)).toEqual({
      createRoom: true,
      manageUsers: true,
      viewOutbox: true,
      viewPracticeStats: true,
    });
    expect(siteAbilities(globalMod)).toEqual({
      createRoom: false,
      manageUsers: false,
      viewOutbox: false,
      viewPracticeStats: true,
    });
    expect(siteAbilities(other)).toEqual({
      createRoom: false,
      manageUsers: false,
      viewOutbox: false,
      viewPracticeStats: false,
    });
  });

  it("let staff verify and suspend members, never themselves; emails to the user and admins", () => {
    const target = { id: other.id, role: "member" as const };
    expect(userAbilities(globalMod, target)).toEqual({
      verify: true,
      setRole: false,
      suspend: true,
      viewEmail: false,
    });
    expect(userAbilities(admin, target)).toEqual({
      verify: true,
      setRole: true,
      suspend: true,
      viewEmail: true,
    });
    expect(userAbilities(other, target)).toEqual({
      verify: false,
      setRole: false,
      suspend: false,
      viewEmail: true,
    });
    expect(userAbilities(admin, { id: admin.id, role: "admin" })).toMatchObject({
      setRole: false,
      suspend: false,
    });
    expect(userAbilities(null, target)).toEqual({
      verify: false,
      setRole: false,
      suspend: false,
      viewEmail: false,
    });
  });
});

describe("adoption abilities", () => {
  it("let a verified member of the adopting region move it along, and no one else", () => {
    const adoption = { adopter: new Types.ObjectId(owner.id), affiliationKey: "region:33.73" };
    expect(
      adoptionAbilities(actor("member", { verified: true, affiliation: salatiga }), adoption).advance,
    ).toBe(true);
    // Its unverified adopter no longer speaks for the region.
    expect(adoptionAbilities({ ...owner, affiliation: salatiga }, adoption).advance).toBe(false);
    expect(adoptionAbilities(admin, adoption).advance).toBe(false);
    expect(adoptionAbilities(null, adoption).advance).toBe(false);
  });
});
