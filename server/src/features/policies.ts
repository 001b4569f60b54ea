import { userPolicy } from "./users/user.policy.js";
import { roomPolicy } from "./rooms/room.policy.js";
import { threadPolicy } from "./threads/thread.policy.js";
import { postPolicy } from "./posts/post.policy.js";
import { qaPolicy } from "./qa/qa.policy.js";
import { practicePolicy } from "./practices/practice.policy.js";
import { adoptionPolicy } from "./adoptions/adoption.policy.js";
import { moderationPolicy } from "./moderation/moderation.policy.js";
import { mailPolicy } from "./mail/mail.policy.js";
import { searchPolicy } from "./search/search.policy.js";

/**
 * Every feature's policy table, merged into the one table `assertCan` dispatches on
 * (lib/policy.ts). Adding a feature's actions is one spread here; action names are
 * `<entity>.<verb>` and must be unique across features.
 */
export const policies = {
  ...userPolicy,
  ...roomPolicy,
  ...threadPolicy,
  ...postPolicy,
  ...qaPolicy,
  ...practicePolicy,
  ...adoptionPolicy,
  ...moderationPolicy,
  ...mailPolicy,
  ...searchPolicy,
};
