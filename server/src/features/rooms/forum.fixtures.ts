import { randomBytes } from "node:crypto";
import type { Ack, ClientToServerEvents, RoomCreateInput, ThreadDto } from "@rembuk/shared";
import { RoomCreateInput as RoomCreateSchema } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { ClientSocket } from "../../test/socket.js";
import { createThread } from "../posts/thread.create.js";
import { createRoom } from "./room.service.js";

/**
 * Helpers for the room/thread/post tests (fixtures, not tests): rooms and threads made through the
 * real services, and a typed `emitWithAck`.
 */
export const uniqueSlug = (prefix = "ruang") => `${prefix}-${randomBytes(4).toString("hex")}`;
export const clientId = () => `c-${randomBytes(8).toString("hex")}`;

export async function makeRoom(admin: Actor, input: Partial<RoomCreateInput> = {}) {
  return createRoom(
    admin,
    RoomCreateSchema.parse({
      slug: uniqueSlug(),
      name: { id: "Ruang Uji", en: "Test Room" },
      ...input,
    }),
  );
}

export async function makeThread(
  author: Actor,
  roomSlug: string,
  input: { title?: string; body?: string; tags?: string[] } = {},
): Promise<ThreadDto> {
  const { thread } = await createThread(
    author,
    { slug: roomSlug },
    { title: input.title ?? "Utas uji coba", body: input.body ?? "Pembuka utas.", tags: input.tags },
  );
  return thread;
}

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [unknown, (res: Ack<infer T>) => void] ? T : never;

/** Send a command and wait for its ack (rejects after `ms` without one). */
export function ask<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  ms = 5000,
): Promise<Ack<AckData<E>>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for "${event}" within ${ms} ms`)), ms);
    // socket.io-client's emit cannot check a generic event name against its map; the payload and ack
    // types were checked by this function's signature.
    const emit = socket.emit.bind(socket) as (
      ev: string,
      p: unknown,
      ack: (res: Ack<AckData<E>>) => void,
    ) => void;
    emit(event, payload, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

/** Every payload of `event` received by `socket` from now on (stop with `.stop()`). */
export function collect<T = unknown>(socket: ClientSocket, event: string) {
  const items: T[] = [];
  const listener = (name: string, payload: T) => {
    if (name === event) items.push(payload);
  };
  socket.onAny(listener);
  return { items, stop: () => socket.offAny(listener) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
