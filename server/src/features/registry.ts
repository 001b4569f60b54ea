import type { Router } from "express";
import type { Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoSocket } from "../lib/realtime/defineHandler.js";
import { qaHandlers } from "./qa/qa.commands.js";
import { announceLeavingOnDisconnect, bindPresence } from "./presence/presence.service.js";
import type { BoundCommand } from "../lib/commands/handle.js";
import { postHandlers } from "./posts/post.commands.js";
import { readStateHandlers } from "./readstate/readState.commands.js";
import { authHandlers } from "./auth/auth.commands.js";
import { userHandlers, verificationHandlers } from "./users/user.commands.js";
import { mailHandlers } from "./mail/mail.commands.js";
import { taxonomyHandlers } from "./taxonomy/taxonomy.commands.js";
import { roomHandlers } from "./rooms/room.commands.js";
import { threadHandlers } from "./threads/thread.commands.js";
import { markdownHandlers } from "./markdown/markdown.commands.js";
import { sessionHandlers } from "./auth/session.commands.js";
import { moderationHandlers } from "./moderation/moderation.commands.js";
import { joinModerationRoomsOnConnect } from "./moderation/moderation.service.js";
import { practiceHandlers } from "./practices/practice.commands.js";
import { adoptionHandlers } from "./adoptions/adoption.commands.js";
import { startPinSweeper } from "./moderation/pin.sweeper.js";

/**
 * Each feature contributes an Express router (mounted under /api) and a function that registers its
 * socket commands on a connected socket. Adding a feature is one line in each list.
 */
export type SocketRegistrar = (socket: IoSocket, io: IoServer) => void;

/** What a router factory may need from the app; most features ignore it (`() => Router` fits). */
export interface FeatureContext {
  config: Config;
}

/**
 * Every feature's commands (shared/src/commands), bound to their services. Their REST routes are
 * mounted before the remaining hand-written routers, so `/threads/read-all` is never read as a
 * thread id; their socket paths are registered on every connection.
 */
export function featureCommands({ config }: FeatureContext): BoundCommand[] {
  return [
    ...authHandlers(config),
    ...sessionHandlers,
    ...userHandlers,
    ...verificationHandlers,
    ...mailHandlers,
    ...taxonomyHandlers,
    ...readStateHandlers,
    ...postHandlers,
    ...roomHandlers,
    ...threadHandlers,
    ...markdownHandlers,
    ...moderationHandlers,
    ...adoptionHandlers,
    ...practiceHandlers,
    ...qaHandlers,
  ];
}

export const featureRouters: Array<(ctx: FeatureContext) => Router> = [];

export const socketRegistrars: SocketRegistrar[] = [
  announceLeavingOnDisconnect,
  joinModerationRoomsOnConnect,
];

/** Called once with the Socket.io server when it is created (features that query live sockets). */
export const ioInitializers: Array<(io: IoServer) => void> = [bindPresence, startPinSweeper];
