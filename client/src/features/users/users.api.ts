import { z } from "zod";
import { ThreadDto } from "@rembuk/shared";
import { api } from "../../lib/api";

const AuthorThreadPage = z.object({ threads: z.array(ThreadDto), nextCursor: z.string().nullable() });
export type AuthorThreadPage = z.infer<typeof AuthorThreadPage>;

// TEMPORARY until the threads feature's commands land (migrate-a): `GET /users/:id/threads`.
export const usersApi = {
  /** What the person started (discussions, practices, Q&A archives) that the viewer may see, newest first. */
  threads: (id: string, cursor: string | null, signal?: AbortSignal) =>
    api.get(`/users/${encodeURIComponent(id)}/threads`, AuthorThreadPage, {
      query: { cursor, limit: 10 },
      signal,
    }),
};
