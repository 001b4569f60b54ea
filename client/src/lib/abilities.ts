import type {
  PostAbilitiesDto,
  PostDto,
  SiteAbilitiesDto,
  ThreadAbilitiesDto,
  ThreadDto,
} from "@rembuk/shared";
import { useStore } from "../store";

/*
 * What the viewer may do comes from the server with each DTO (`can`, and `site` on the signed-in
 * user's own account; shared/src/schemas/abilities.ts), decided by the same policy table that guards
 * the write. The client only reads it: no role or ownership checks here. A DTO known only from a
 * broadcast has no `can` yet and allows nothing, except posts, which take the thread's word for
 * someone else's post.
 */

const NO_SITE: SiteAbilitiesDto = {
  createRoom: false,
  manageUsers: false,
  viewOutbox: false,
  viewPracticeStats: false,
};
const NO_POST: PostAbilitiesDto = {
  edit: false,
  delete: false,
  flag: false,
  moderate: false,
  suspendAuthor: false,
};
const NO_THREAD: ThreadAbilitiesDto = {
  reply: false,
  moderate: false,
  flag: false,
  promote: false,
  editPractice: false,
  othersPost: NO_POST,
};

/** The signed-in user's abilities across the site (nothing for guests). */
export function useSiteCan(): SiteAbilitiesDto {
  return useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId]?.site : undefined) ?? NO_SITE);
}

export const threadCan = (thread: ThreadDto | undefined): ThreadAbilitiesDto => thread?.can ?? NO_THREAD;

export const postCan = (post: PostDto, thread: ThreadDto | undefined): PostAbilitiesDto =>
  post.can ?? threadCan(thread).othersPost;
