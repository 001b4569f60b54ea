export { loadVisiblePractice, type LoadedPractice } from "./practice.access.js";
export { listPractices } from "./practice.directory.js";
export { Practice } from "./practice.model.js";
export { ACTIVITY_MONTHS, activityWindowStart } from "./practice.stats.js";
export { practicePolicy } from "./practice.policy.js";
export { practiceHandlers } from "./practice.commands.js";
export { withPracticeExtras } from "./practice.presenter.js";
export { practiceForThread } from "./practice.create.js";
