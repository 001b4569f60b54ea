import { en as ui } from "../components/messages.en";
import { en as shell } from "../features/shell/messages.en";
import { en as auth } from "../features/auth/messages.en";
import { en as users } from "../features/users/messages.en";
import { en as admin } from "../features/admin/messages.en";
import { en as home } from "../features/home/messages.en";
import { en as rooms } from "../features/rooms/messages.en";
import { en as qa } from "../features/qa/messages.en";
import { en as threads } from "../features/threads/messages.en";
import { en as posts } from "../features/posts/messages.en";
import { en as practices } from "../features/practices/messages.en";
import { en as moderation } from "../features/moderation/messages.en";
import { en as account } from "../features/account/messages.en";
import { en as verification } from "../features/verification/messages.en";
import { en as outbox } from "../features/outbox/messages.en";
import { en as search } from "../features/search/messages.en";
import { en as notifications } from "../features/notifications/messages.en";
import type { MessageKey } from "./messages";

/** Every feature's English strings, by feature (`messages.test.ts` compares the two languages). */
export const features = {
  ui,
  shell,
  auth,
  users,
  admin,
  home,
  rooms,
  qa,
  threads,
  posts,
  practices,
  moderation,
  account,
  verification,
  outbox,
  search,
  notifications,
};

/** The whole English dictionary; the compiler rejects a key missing here. */
export const dictionary: Record<MessageKey, string> = {
  ...ui,
  ...shell,
  ...auth,
  ...users,
  ...admin,
  ...home,
  ...rooms,
  ...qa,
  ...threads,
  ...posts,
  ...practices,
  ...moderation,
  ...account,
  ...verification,
  ...outbox,
  ...search,
  ...notifications,
};
