import type { StateCreator } from "zustand";
import type { SessionSlice } from "../features/auth";
import type { UsersSlice } from "../features/users";
import type { AdminSlice } from "../features/admin";
import type { RoomsSlice } from "../features/rooms";
import type { RegionsSlice } from "../features/regions";
import type { LocaleSlice, ConnectionSlice, ToastsSlice } from "../features/shell";
import type { QaSlice, PollsSlice } from "../features/qa";
import type { ThreadsSlice } from "../features/threads";
import type { PostsSlice } from "../features/posts";
import type { PracticesSlice } from "../features/practices";
import type { ModerationSlice } from "../features/moderation";
import type { VerificationSlice } from "../features/verification";
import type { NotificationsSlice } from "../features/notifications";

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
  VerificationSlice &
  NotificationsSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
