import { notificationCommands } from "@rembuk/shared";
import { handle, type BoundCommand } from "../../lib/commands/handle.js";
import {
  listNotifications,
  loadSettings,
  markRead,
  unreadCount,
  updateSettings,
} from "./notification.service.js";
import { bindNotificationProducers } from "./notifications.events.js";
import { configureUnsubscribe, unsubscribe } from "./notification.unsubscribe.js";
import type { Config } from "../../config.js";

/** The inbox and settings commands (shared/src/commands/notifications.ts). */
export function notificationHandlers(config: Pick<Config, "sessionSecret">): BoundCommand[] {
  // Mounting notifications is what turns the producers on (server, tests).
  bindNotificationProducers();
  configureUnsubscribe(config.sessionSecret);
  return [
    handle(notificationCommands.list, (query, { member }) => listNotifications(member().id, query)),
    handle(notificationCommands.unread, async (_input, { member }) => ({
      unread: await unreadCount(member().id),
    })),
    handle(notificationCommands.read, (input, { member }) => markRead(member().id, input)),
    handle(notificationCommands.settings, async (_input, { member }) => ({
      settings: await loadSettings(member().id),
    })),
    handle(notificationCommands.updateSettings, (patch, { member }) => updateSettings(member().id, patch)),
    handle(notificationCommands.unsubscribe, ({ token }) => unsubscribe(token)),
  ];
}
