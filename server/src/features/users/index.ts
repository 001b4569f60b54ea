export { backfillOfficeKeys } from "./office.backfill.js";
export { User, type StoredAffiliation, type UserRecord } from "./user.model.js";
export { affiliationKey } from "./affiliation.js";
export {
  toAffiliation,
  fromAffiliation,
  PRESENTABLE_FIELDS,
  presentPublicUser,
  presentUser,
  presentUserFor,
} from "./user.presenter.js";
export { presentSelf } from "./user.self.js";
export { toActor, loadActor } from "./user.actor.js";
export { publishSelf } from "./user.claim.js";
export { hashPassword, verifyPassword, burnPasswordCheck } from "./password.js";
export { confirmOfficialEmail } from "./verification.service.js";
export { issueToken, redeemToken, voidTokens } from "./authToken.service.js";
export { getSelf, createUser, assertKnownAffiliation, ensureAdmin } from "./user.service.js";
export { loadUserSummaries, toUserSummary } from "./userSummary.js";
export { userPolicy } from "./user.policy.js";
export { userHandlers, verificationHandlers } from "./user.commands.js";
