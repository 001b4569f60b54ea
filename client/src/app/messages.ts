import { uiMessages } from "../components/messages";
import { shellMessages } from "../features/shell/messages";
import { authMessages } from "../features/auth/messages";
import { usersMessages } from "../features/users/messages";
import { adminMessages } from "../features/admin/messages";
import { homeMessages } from "../features/home/messages";
import { roomsMessages } from "../features/rooms/messages";
import { qaMessages } from "../features/qa/messages";
import { threadsMessages } from "../features/threads/messages";
import { postsMessages } from "../features/posts/messages";
import { practicesMessages } from "../features/practices/messages";
import { moderationMessages } from "../features/moderation/messages";
import { accountMessages } from "../features/account/messages";
import { verificationMessages } from "../features/verification/messages";
import { outboxMessages } from "../features/outbox/messages";
import { searchMessages } from "../features/search/messages";

/**
 * Every feature's dictionary, merged in one place. To add a feature's strings: create
 * `features/<f>/messages.ts` exporting `{ id, en }` (keys prefixed `<f>.`, `en` typed
 * `Record<keyof typeof id, string>`), then add it to this list. `messages.test.ts` checks that
 * both languages have the same keys and placeholders and that no key is defined twice.
 */
export const featureMessages = {
  ui: uiMessages,
  shell: shellMessages,
  auth: authMessages,
  users: usersMessages,
  admin: adminMessages,
  home: homeMessages,
  rooms: roomsMessages,
  qa: qaMessages,
  threads: threadsMessages,
  posts: postsMessages,
  practices: practicesMessages,
  moderation: moderationMessages,
  account: accountMessages,
  verification: verificationMessages,
  outbox: outboxMessages,
  search: searchMessages,
};

export const messages = {
  id: {
    ...uiMessages.id,
    ...shellMessages.id,
    ...authMessages.id,
    ...usersMessages.id,
    ...adminMessages.id,
    ...homeMessages.id,
    ...roomsMessages.id,
    ...qaMessages.id,
    ...threadsMessages.id,
    ...postsMessages.id,
    ...practicesMessages.id,
    ...moderationMessages.id,
    ...accountMessages.id,
    ...verificationMessages.id,
    ...outboxMessages.id,
    ...searchMessages.id,
  },
  en: {
    ...uiMessages.en,
    ...shellMessages.en,
    ...authMessages.en,
    ...usersMessages.en,
    ...adminMessages.en,
    ...homeMessages.en,
    ...roomsMessages.en,
    ...qaMessages.en,
    ...threadsMessages.en,
    ...postsMessages.en,
    ...practicesMessages.en,
    ...moderationMessages.en,
    ...accountMessages.en,
    ...verificationMessages.en,
    ...outboxMessages.en,
    ...searchMessages.en,
  },
};

export type MessageKey = keyof typeof messages.id;
