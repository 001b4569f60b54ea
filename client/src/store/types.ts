import type { StateCreator } from "zustand";
import type { SessionSlice } from "../features/auth/session.slice";
import type { UsersSlice } from "../features/users/users.slice";
import type { AdminSlice } from "../features/admin/admin.slice";
import type { RoomsSlice } from "../features/rooms/rooms.slice";
import type { RegionsSlice } from "../features/regions/regions.slice";
import type { LocaleSlice } from "../features/shell/locale.slice";
import type { ConnectionSlice } from "../features/shell/connection.slice";
import type { ToastsSlice } from "../features/shell/toasts.slice";
import type { QaSlice } from "../features/qa/qa.slice";
import type { PollsSlice } from "../features/qa/polls.slice";
import type { ThreadsSlice } from "../features/threads/threads.slice";
import type { PostsSlice } from "../features/posts/posts.slice";
import type { PracticesSlice } from "../features/practices/practices.slice";
import type { ModerationSlice } from "../features/moderation/moderation.slice";
import type { VerificationSlice } from "../features/verification/verification.slice";

/** The one client store: every slice sees the whole state. */
export type AppState = SessionSlice &
  UsersSlice &
  AdminSlice &
  RoomsSlice &
  RegionsSlice &
  LocaleSlice &
  ConnectionSlice &
  ToastsSlice &
  QaSlice &
  PollsSlice &
  ThreadsSlice &
  PostsSlice &
  PracticesSlice &
  ModerationSlice &
  VerificationSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
