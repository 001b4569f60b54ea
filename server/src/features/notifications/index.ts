/** Notifications: the inbox, its producers and the background fan-out (docs/notifications.md). */
export { notificationHandlers } from "./notifications.commands.js";
export { startWorker, type Worker } from "./notify.worker.js";
export { startNotifications } from "./notifications.start.js";
export { Notification } from "./notification.model.js";
export { NotifyJob } from "./notifyJob.model.js";
