import type { Router } from "express";
import type { Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoSocket } from "../lib/realtime/defineHandler.js";
import { registerAuthSocket } from "./auth/auth.socket.js";
import { qaRouter } from "./qa/qa.routes.js";
import { registerQaSocket } from "./qa/qa.socket.js";
import { bindPresence } from "./presence/presence.service.js";
import { registerPresenceSocket } from "./presence/presence.socket.js";
import { roomRouter } from "./rooms/room.routes.js";
import { registerRoomSocket } from "./rooms/room.socket.js";
import { threadRouter } from "./threads/thread.routes.js";
import { registerThreadSocket } from "./threads/thread.socket.js";
import type { BoundCommand } from "../lib/commands/handle.js";
import { postHandlers } from "./posts/post.commands.js";
import { readStateHandlers } from "./readstate/readState.commands.js";
import { authHandlers } from "./auth/auth.commands.js";
import { userHandlers, verificationHandlers } from "./users/user.commands.js";
import { mailHandlers } from "./mail/mail.commands.js";
import { taxonomyHandlers } from "./taxonomy/taxonomy.commands.js";
import { markdownRouter } from "./markdown/markdown.routes.js";
import { practiceRouter } from "./practices/practice.routes.js";
import { adoptionRouter } from "./adoptions/adoption.routes.js";
import { registerAdoptionSocket } from "./adoptions/adoption.socket.js";
import { moderationRouter } from "./moderation/moderation.routes.js";
import { registerModerationSocket } from "./moderation/moderation.socket.js";
import { startPinSweeper } from "./moderation/pin.sweeper.js";
import { searchHandlers } from "./search/index.js";

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
    ...userHandlers,
    ...verificationHandlers,
    ...mailHandlers,
    ...taxonomyHandlers,
    ...readStateHandlers,
    ...postHandlers,
    ...searchHandlers(),
  ];
}

export const featureRouters: Array<(ctx: FeatureContext) => Router> = [
  roomRouter,
  threadRouter,
  markdownRouter,
  qaRouter,
  practiceRouter,
  adoptionRouter,
  moderationRouter,
];

export const socketRegistrars: SocketRegistrar[] = [
  registerAuthSocket,
  registerPresenceSocket,
  registerRoomSocket,
  registerThreadSocket,
  registerQaSocket,
  registerAdoptionSocket,
  registerModerationSocket,
];

/** Called once with the Socket.io server when it is created (features that query live sockets). */
export const ioInitializers: Array<(io: IoServer) => void> = [bindPresence, startPinSweeper];
