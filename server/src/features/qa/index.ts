export { configureGuestCookies, readGuestCookies } from "./qa.guestCookie.js";
export { setSharedCounters } from "./qa.scale.js";
export { createSession, setSessionStatus } from "./qaSession.service.js";
export { askQuestion, moderateQuestion } from "./question.service.js";
export { setVote } from "./vote.service.js";
export { qaPolicy } from "./qa.policy.js";
export { qaHandlers } from "./qa.commands.js";
export { QaSession } from "./qaSession.model.js";
