import type { Ack, QaSessionDto, Role } from "@rembuk/shared";
import { Types } from "mongoose";
import type { Agent } from "../../../test/http.js";
import { makeAdmin } from "../../../test/factories.js";
import type { ClientSocket } from "../../../test/socket.js";
import { createRoom } from "../../rooms/room.service.js";
import argon2 from "argon2";
import { User } from "../../users/user.model.js";

/** Q&A test helpers (no tests here), on top of server/src/test: crowds, rooms, frames, acks. */

export const CROWD_PASSWORD = "rahasia-negara-1";
let sharedHash: Promise<string> | null = null;

export interface CrowdMember {
  id: string;
  email: string;
  password: string;
  name: string;
}

/**
 * Many users at once, sharing one cheap password hash. argon2 keeps its cost parameters inside each
 * hash, so logging these users in verifies in a millisecond instead of the production cost's tens:
 * a 200-voter test should spend its time on votes, not on key derivation. Single users with a role
 * or an affiliation come from the shared factories (`makeUser`, `signedIn`).
 */
export async function makeCrowd(
  count: number,
  prefix = "Pemilih",
  role: Role = "member",
): Promise<CrowdMember[]> {
  sharedHash ??= argon2.hash(CROWD_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 1024,
    timeCost: 1,
    parallelism: 1,
  });
  const passwordHash = await sharedHash;
  const tag = new Types.ObjectId().toString().slice(-6);
  const created = await User.insertMany(
    Array.from({ length: count }, (_, i) => {
      const name = `${prefix} ${tag} ${i + 1}`;
      return {
        email: `${prefix.toLowerCase()}.${tag}.${i + 1}@uji.rembuk.id`,
        passwordHash,
        name,
        nameLower: name.toLowerCase(),
        role,
      };
    }),
  );
  return created.map((u) => ({
    id: u._id.toString(),
    email: u.email,
    password: CROWD_PASSWORD,
    name: u.name,
  }));
}

/** Run `fn` over `items` with at most `concurrency` in flight (logins verify argon2 hashes). */
export async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

let admin: Promise<Awaited<ReturnType<typeof makeAdmin>>> | null = null;

/** A room made through the rooms service, as an admin would. */
export async function makeRoom(
  opts: {
    visibility?: "public" | "members" | "restricted";
    moderators?: string[];
    allowedRegion?: string;
  } = {},
) {
  admin ??= makeAdmin();
  const slug = `ruang-qa-${new Types.ObjectId().toString().slice(-8)}`;
  return createRoom((await admin).actor, {
    slug,
    name: { id: "Ruang Tanya Jawab", en: "Q&A room" },
    description: { id: "", en: "" },
    visibility: opts.visibility ?? "public",
    allowedAffiliations: opts.allowedRegion ? [{ kind: "region", code: opts.allowedRegion }] : [],
    moderators: opts.moderators ?? [],
    slowModeSeconds: 0,
    preModerated: false,
  });
}

export async function createSession(
  host: Agent,
  slug: string,
  body: { moderated: boolean; allowAnonymous: boolean; title?: string },
): Promise<QaSessionDto> {
  const res = await host.post<{ session: QaSessionDto }>(`/api/rooms/${slug}/qa`, {
    title: body.title ?? "Tanya jawab Smart Kampung",
    moderated: body.moderated,
    allowAnonymous: body.allowAnonymous,
  });
  if (res.status !== 201) throw new Error(`create session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.session;
}

let clientSeq = 0;
export const clientId = () => `qa-test-${Date.now().toString(36)}-${(clientSeq++).toString(36)}`;

/**
 * Every raw Socket.io frame this socket receives from now on, exactly as it came off the wire:
 * the "never in any payload" checks read these, not decoded events.
 */
export function recordFrames(socket: ClientSocket): string[] {
  const frames: string[] = [];
  socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => {
    if (packet.type === "message") frames.push(String(packet.data));
  });
  return frames;
}

/** The ack's data, or throw with the error code. */
export async function ok<T>(ack: Promise<Ack<T>>): Promise<T> {
  const res = await ack;
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

/**
 * Resolve when `predicate` holds, re-checking after every event the socket receives (no sleeps).
 *
 * socket.io-client calls `onAny` listeners *before* the event's own `on` listeners, so a check run
 * inside `onAny` sees the state from before that event was folded in. When the event that makes
 * the predicate true is the last one the socket receives (a storm's final vote batch), such a check
 * never sees it. The check therefore runs in a microtask, after every listener of the event.
 * On timeout the error says how far off things were (`describe`) and how many events came in.
 */
export async function until(
  socket: ClientSocket,
  predicate: () => boolean,
  timeoutMs = 5000,
  describe?: () => string,
): Promise<void> {
  if (predicate()) return;
  await new Promise<void>((resolve, reject) => {
    let events = 0;
    let settled = false;
    const check = () => {
      if (settled || !predicate()) return;
      settled = true;
      clearTimeout(timer);
      socket.offAny(onEvent);
      resolve();
    };
    const onEvent = () => {
      events++;
      queueMicrotask(check);
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.offAny(onEvent);
      const detail = describe ? `; ${describe()}` : "";
      reject(
        new Error(
          `condition not reached in time (${timeoutMs} ms, ${events} events received meanwhile${detail})`,
        ),
      );
    }, timeoutMs);
    socket.onAny(onEvent);
  });
}
