import { create } from "zustand";
import type { AppState } from "./types";
import { createSessionSlice } from "../features/auth";
import { createUsersSlice } from "../features/users";
import { createAdminSlice } from "../features/admin";
import { createRoomsSlice } from "../features/rooms";
import { createRegionsSlice } from "../features/regions";
import { createLocaleSlice, createConnectionSlice, createToastsSlice } from "../features/shell";
import { createQaSlice, createPollsSlice } from "../features/qa";
import { createThreadsSlice } from "../features/threads";
import { createPostsSlice } from "../features/posts";
import { createPracticesSlice } from "../features/practices";
import { createModerationSlice } from "../features/moderation";
import { createVerificationSlice } from "../features/verification";
import { createNotificationsSlice } from "../features/notifications";

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
  ...createNotificationsSlice(...a),
}));
