export { loadVisiblePractice, type LoadedPractice } from "./practice.access.js";
export { Practice } from "./practice.model.js";
export { PRACTICE_LEADERS, PRACTICE_LEADER_KEYS } from "./demo/leaders.js";
export { practicesDemoSeeder } from "./demo/practices.demo.js";
export { practicePolicy } from "./practice.policy.js";
export { practiceRouter } from "./practice.routes.js";
export { withPracticeExtras } from "./practice.presenter.js";
export { practiceForThread } from "./practice.create.js";
