import { z } from "zod";
import {
  NotificationList,
  NotificationListQuery,
  NotificationReadInput,
  NotificationSettingsPatch,
  NotificationSettingsResponse,
  UnreadCount,
  UnsubscribeInput,
  UnsubscribeResult,
  WatchInput,
  WatchResult,
} from "../schemas/notifications.js";
import { RoomSlug } from "../schemas/rooms.js";
import { Tag } from "../schemas/threads.js";
import { ObjectIdString } from "../schemas/common.js";
import { defineCommand } from "./define.js";

/** Notifications and watching (DESIGN.md §9, docs/notifications.md). */
export const notificationCommands = {
  list: defineCommand({
    name: "notifications.list",
    summary: "My notifications, newest first, with my unread count",
    input: NotificationListQuery,
    output: NotificationList,
    auth: "member",
    http: { method: "GET", path: "/notifications" },
  }),
  unread: defineCommand({
    name: "notifications.unread",
    summary: "How many of my notifications are unread (the bell's count at load)",
    input: z.object({}),
    output: UnreadCount,
    auth: "member",
    http: { method: "GET", path: "/notifications/unread" },
  }),
  read: defineCommand({
    name: "notifications.read",
    summary: "Mark some or all of my notifications read",
    input: NotificationReadInput,
    output: UnreadCount,
    http: { method: "POST", path: "/notifications/read" },
  }),
  settings: defineCommand({
    name: "notifications.settings",
    summary: "My email settings: immediate mail for mentions and replies, and the digest",
    input: z.object({}),
    output: NotificationSettingsResponse,
    auth: "member",
    http: { method: "GET", path: "/notifications/settings" },
  }),
  updateSettings: defineCommand({
    name: "notifications.updateSettings",
    summary: "Change any of my email settings",
    input: NotificationSettingsPatch,
    output: NotificationSettingsResponse,
    http: { method: "PATCH", path: "/notifications/settings" },
  }),
  unsubscribe: defineCommand({
    name: "notifications.unsubscribe",
    summary: "One-click unsubscribe (RFC 8058) from an email's signed link; no session needed",
    input: UnsubscribeInput,
    output: UnsubscribeResult,
    auth: "anyone",
    errors: ["INVALID_TOKEN"],
    http: { method: "POST", path: "/notifications/unsubscribe/:token" },
  }),
} as const;

export const watchCommands = {
  thread: defineCommand({
    name: "watch.thread",
    summary: "Watch, follow normally or mute a thread",
    params: { id: ObjectIdString },
    input: WatchInput,
    output: WatchResult,
    errors: ["NOT_FOUND"],
    http: { method: "PUT", path: "/threads/:id/watch" },
  }),
  room: defineCommand({
    name: "watch.room",
    summary: "Watch, follow normally or mute a room",
    params: { slug: RoomSlug },
    input: WatchInput,
    output: WatchResult,
    errors: ["NOT_FOUND"],
    http: { method: "PUT", path: "/rooms/:slug/watch" },
  }),
  tag: defineCommand({
    name: "watch.tag",
    summary: "Watch, follow normally or mute a tag",
    params: { tag: Tag },
    input: WatchInput,
    output: WatchResult,
    http: { method: "PUT", path: "/tags/:tag/watch" },
  }),
} as const;
