import type {
  PostAbilitiesDto,
  PostDto,
  PresenceDto,
  RoomDto,
  ThreadDto,
  UserSummaryDto,
} from "@rembuk/shared";

/** DTO builders for forum tests (helpers, not tests). Ids are valid 24-hex strings. */
export const hex = (n: number, prefix = "6") => `${prefix}${n.toString(16).padStart(23, "0")}`;

/** The abilities the server gives each kind of viewer on a post (shared/src/schemas/abilities.ts). */
export const POST_CAN = {
  /** A member on someone else's post. */
  member: { edit: false, delete: false, flag: true, moderate: false, suspendAuthor: false },
  /** The post's author. */
  author: { edit: true, delete: true, flag: false, moderate: false, suspendAuthor: false },
  /** A moderator of the room on a member's post. */
  moderator: { edit: false, delete: true, flag: true, moderate: true, suspendAuthor: true },
  guest: { edit: false, delete: false, flag: false, moderate: false, suspendAuthor: false },
} satisfies Record<string, PostAbilitiesDto>;

export const ROOM_ID = hex(1, "a");
export const THREAD_ID = hex(1, "b");

export function makeAuthor(o: Partial<UserSummaryDto> = {}): UserSummaryDto {
  return {
    id: hex(900, "c"),
    name: "Rina Kusumawardani",
    title: "Bupati Banyuwangi",
    affiliation: { kind: "agency", name: "Pemkab Banyuwangi" },
    verified: true,
    role: "member",
    ...o,
  };
}

export function makeRoom(o: Partial<RoomDto> = {}): RoomDto {
  return {
    id: ROOM_ID,
    slug: "inovasi-pelayanan-publik",
    name: { id: "Inovasi Pelayanan Publik", en: "Public Service Innovation" },
    description: { id: "Berbagi inovasi layanan.", en: "Sharing service innovations." },
    visibility: "public",
    allowedAffiliations: [],
    moderators: [],
    slowModeSeconds: 0,
    preModerated: false,
    threadCount: 3,
    presenceCount: 0,
    lastActivityAt: "2026-01-10T08:00:00.000Z",
    createdAt: "2026-01-01T08:00:00.000Z",
    updatedAt: "2026-01-01T08:00:00.000Z",
    ...o,
  };
}

export function makeThread(o: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id: THREAD_ID,
    roomId: ROOM_ID,
    roomSlug: "inovasi-pelayanan-publik",
    kind: "discussion",
    title: "Smart Kampung: layanan di kantor desa",
    author: makeAuthor(),
    tags: ["desa"],
    pinned: false,
    featured: false,
    locked: false,
    status: "published",
    lastSeq: 1,
    postCount: 1,
    replyCount: 0,
    reactionCount: 0,
    lastActivityAt: "2026-01-10T08:00:00.000Z",
    createdAt: "2026-01-10T08:00:00.000Z",
    ...o,
  };
}

export function makePost(seq: number, o: Partial<PostDto> = {}): PostDto {
  return {
    id: hex(seq, "d"),
    threadId: THREAD_ID,
    roomId: ROOM_ID,
    seq,
    author: makeAuthor(),
    body: `Postingan ${seq}`,
    html: `<p>Postingan ${seq}</p>`,
    mentions: [],
    replyTo: null,
    reactions: { like: 0, insightful: 0, thanks: 0, agree: 0 },
    status: "published",
    deleted: false,
    editedAt: null,
    createdAt: "2026-01-10T08:00:00.000Z",
    ...o,
  };
}

export function makePresence(o: Partial<PresenceDto> = {}): PresenceDto {
  return { scope: "thread", id: THREAD_ID, users: [], guests: 0, count: 0, ...o };
}
