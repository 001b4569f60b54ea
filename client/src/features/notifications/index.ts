// The notifications feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindNotificationsSocket } from "./notifications.bindings";
export { createNotificationsSlice, notificationSelectors } from "./notifications.slice";
export type { NotificationsSlice } from "./notifications.slice";
export { NotificationBell } from "./NotificationBell";
export { NotificationSettingsSection, SETTINGS_PATH } from "./NotificationSettingsSection";
export { RoomWatch, TagWatchList, ThreadWatch } from "./WatchControls";
