import { registerPolicies } from "../lib/policy.js";
import { userPolicy } from "./users/index.js";
import { roomPolicy } from "./rooms/index.js";
import { threadPolicy } from "./threads/index.js";
import { postPolicy } from "./posts/index.js";
import { qaPolicy } from "./qa/index.js";
import { adoptionPolicy, practicePolicy } from "./practices/index.js";
import { moderationPolicy } from "./moderation/index.js";
import { mailPolicy } from "./mail/index.js";
import { searchPolicy } from "./search/index.js";

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

type Policies = typeof policies;
declare module "../lib/policy.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the table's type in
  interface PolicyTable extends Policies {}
}

registerPolicies(policies);
