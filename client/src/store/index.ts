import { create } from "zustand";
import type { AppState } from "./types";
import { createSessionSlice } from "../features/auth/session.slice";
import { createUsersSlice } from "../features/users/users.slice";
import { createAdminSlice } from "../features/admin/admin.slice";
import { createRoomsSlice } from "../features/rooms/rooms.slice";
import { createRegionsSlice } from "../features/regions/regions.slice";
import { createLocaleSlice } from "../features/shell/locale.slice";
import { createConnectionSlice } from "../features/shell/connection.slice";
import { createToastsSlice } from "../features/shell/toasts.slice";
import { createQaSlice } from "../features/qa/qa.slice";
import { createPollsSlice } from "../features/qa/polls.slice";
import { createThreadsSlice } from "../features/threads/threads.slice";
import { createPostsSlice } from "../features/posts/posts.slice";
import { createPracticesSlice } from "../features/practices/practices.slice";
import { createModerationSlice } from "../features/moderation/moderation.slice";
import { createVerificationSlice } from "../features/verification/verification.slice";

export type { AppState } from "./types";

/**
 * The single Zustand store, composed from feature slices. Components select atomically
 * (`useStore((s) => s.locale)`) or with `useShallow`; entities are normalised `byId`.
 * Actions prefixed `internal_` belong to plumbing (socket bindings, other slices), not the UI.
 */
export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUsersSlice(...a),
  ...createAdminSlice(...a),
  ...createRoomsSlice(...a),
  ...createRegionsSlice(...a),
  ...createLocaleSlice(...a),
  ...createConnectionSlice(...a),
  ...createToastsSlice(...a),
  ...createQaSlice(...a),
  ...createPollsSlice(...a),
  ...createThreadsSlice(...a),
  ...createPostsSlice(...a),
  ...createPracticesSlice(...a),
  ...createModerationSlice(...a),
  ...createVerificationSlice(...a),
}));
