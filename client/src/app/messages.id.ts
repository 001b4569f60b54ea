import { id as ui } from "../components/messages.id";
import { id as shell } from "../features/shell/messages.id";
import { id as auth } from "../features/auth/messages.id";
import { id as users } from "../features/users/messages.id";
import { id as admin } from "../features/admin/messages.id";
import { id as home } from "../features/home/messages.id";
import { id as rooms } from "../features/rooms/messages.id";
import { id as qa } from "../features/qa/messages.id";
import { id as threads } from "../features/threads/messages.id";
import { id as posts } from "../features/posts/messages.id";
import { id as practices } from "../features/practices/messages.id";
import { id as moderation } from "../features/moderation/messages.id";
import { id as account } from "../features/account/messages.id";
import { id as verification } from "../features/verification/messages.id";
import { id as outbox } from "../features/outbox/messages.id";
import { id as search } from "../features/search/messages.id";
import { id as notifications } from "../features/notifications/messages.id";

/** Every feature's Indonesian strings, by feature (`messages.test.ts` compares the two languages). */
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

/** The whole Indonesian dictionary: its keys are the app's `MessageKey`. */
export const dictionary = {
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
