import { z } from "zod";
import {
  IsoDate,
  Locale,
  PublicUserDto,
  ThreadDto,
  UserDto,
  type SuspendInput,
  type UserPatchInput,
} from "@rembuk/shared";
import { api } from "../../lib/api";

/**
 * What the client stores for a user: the public profile plus whatever private fields the viewer may
 * see (self or admin). A public fetch must not wipe private fields already known, so the store merges.
 */
export const UserEntity = PublicUserDto.extend({
  email: z.string().optional(),
  locale: Locale.optional(),
  suspendedUntil: IsoDate.nullable().optional(),
  suspendReason: z.string().nullable().optional(),
  verification: UserDto.shape.verification,
  emailConfirmed: UserDto.shape.emailConfirmed,
  pendingEmail: UserDto.shape.pendingEmail,
  site: UserDto.shape.site,
});
export type UserEntity = z.infer<typeof UserEntity>;

export const SelfEnvelope = z.object({ user: UserDto });
const UserEnvelope = z.object({ user: UserEntity });
/** Suspension endpoints may answer `{user}` or 204; both are fine. */
const MaybeUserEnvelope = UserEnvelope.optional();

export const UserPage = z.object({
  users: z.array(UserEntity),
  nextCursor: z.string().nullable().optional(),
});
export type UserPage = z.infer<typeof UserPage>;

const AuthorThreadPage = z.object({ threads: z.array(ThreadDto), nextCursor: z.string().nullable() });
export type AuthorThreadPage = z.infer<typeof AuthorThreadPage>;

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  get: async (id: string, signal?: AbortSignal) => (await api.get(path(id), UserEnvelope, { signal })).user,
  patch: async (id: string, patch: UserPatchInput) => (await api.patch(path(id), patch, UserEnvelope)).user,
  list: (query: { query?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    api.get("/users", UserPage, { query, signal }),
  suspend: async (id: string, input: SuspendInput) =>
    (await api.post(`${path(id)}/suspend`, input, MaybeUserEnvelope))?.user ?? null,
  /** What the person started (discussions, practices, Q&A archives) that the viewer may see, newest first. */
  threads: (id: string, cursor: string | null, signal?: AbortSignal) =>
    api.get(`${path(id)}/threads`, AuthorThreadPage, { query: { cursor, limit: 10 }, signal }),
  liftSuspension: async (id: string) =>
    (await api.del(`${path(id)}/suspend`, MaybeUserEnvelope))?.user ?? null,
};
