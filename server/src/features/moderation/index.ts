export { moderationDemoSeeder } from "./moderation.demo.js";
export { moderationPolicy } from "./moderation.policy.js";
export { recordModAction } from "./modAction.service.js";
export { announceQueued, announceUnqueued } from "./queue.publish.js";
export { notify } from "./notice.js";
export { moderationRouter } from "./moderation.routes.js";
export { registerModerationSocket } from "./moderation.socket.js";
export { startPinSweeper } from "./pin.sweeper.js";
