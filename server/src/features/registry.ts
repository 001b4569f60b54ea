import type { Router } from "express";
import type { Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoSocket } from "../lib/realtime/defineHandler.js";
import { authRouter } from "./auth/auth.routes.js";
import { registerAuthSocket } from "./auth/auth.socket.js";
import { taxonomyRouter } from "./taxonomy/taxonomy.routes.js";
import { userRouter } from "./users/user.routes.js";
import { verificationRouter } from "./users/verification.routes.js";
import { mailRouter } from "./mail/mail.routes.js";
import { qaRouter } from "./qa/qa.routes.js";
import { registerQaSocket } from "./qa/qa.socket.js";
import { bindPresence } from "./presence/presence.service.js";
import { registerPresenceSocket } from "./presence/presence.socket.js";
import { roomRouter } from "./rooms/room.routes.js";
import { readStateRouter } from "./readstate/readState.routes.js";
import { registerRoomSocket } from "./rooms/room.socket.js";
import { threadRouter } from "./threads/thread.routes.js";
import { registerThreadSocket } from "./threads/thread.socket.js";
import { postRouter } from "./posts/post.routes.js";
import { registerPostSocket } from "./posts/post.socket.js";
import { markdownRouter } from "./markdown/markdown.routes.js";
import { sectorsRouter } from "./taxonomy/sectors.routes.js";
import { practiceRouter } from "./practices/practice.routes.js";
import { adoptionRouter } from "./adoptions/adoption.routes.js";
import { registerAdoptionSocket } from "./adoptions/adoption.socket.js";
import { moderationRouter } from "./moderation/moderation.routes.js";
import { registerModerationSocket } from "./moderation/moderation.socket.js";
import { startPinSweeper } from "./moderation/pin.sweeper.js";
import { searchRouter } from "./search/index.js";

/**
 * Each feature contributes an Express router (mounted under /api) and a function that registers its
 * socket commands on a connected socket. Adding a feature is one line in each list.
 */
export type SocketRegistrar = (socket: IoSocket, io: IoServer) => void;

/** What a router factory may need from the app; most features ignore it (`() => Router` fits). */
export interface FeatureContext {
  config: Config;
}

export const featureRouters: Array<(ctx: FeatureContext) => Router> = [
  ({ config }) => authRouter(config),
  userRouter,
  verificationRouter,
  mailRouter,
  taxonomyRouter,
  roomRouter,
  // Before the thread routes, so `/threads/read-all` is never read as a thread id.
  readStateRouter,
  threadRouter,
  postRouter,
  markdownRouter,
  qaRouter,
  sectorsRouter,
  practiceRouter,
  adoptionRouter,
  moderationRouter,
  searchRouter,
];

export const socketRegistrars: SocketRegistrar[] = [
  registerAuthSocket,
  registerPresenceSocket,
  registerRoomSocket,
  registerThreadSocket,
  registerPostSocket,
  registerQaSocket,
  registerAdoptionSocket,
  registerModerationSocket,
];

/** Called once with the Socket.io server when it is created (features that query live sockets). */
export const ioInitializers: Array<(io: IoServer) => void> = [bindPresence, startPinSweeper];
