import type { Router } from "express";
import "./policies.js";
import type { Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoOptions, SocketRegistrar } from "../lib/realtime/io.js";
import { loadActor, userRouter, verificationRouter } from "./users/index.js";
import { readGuestCookies, qaRouter, registerQaSocket } from "./qa/index.js";
import { authRouter, registerAuthSocket } from "./auth/index.js";
import { taxonomyRouter, sectorsRouter } from "./taxonomy/index.js";
import { mailRouter } from "./mail/index.js";
import { registerPresenceSocket } from "./presence/index.js";
import { roomRouter, registerRoomSocket } from "./rooms/index.js";
import { readStateRouter } from "./readstate/index.js";
import { threadRouter, registerThreadSocket } from "./threads/index.js";
import { postRouter, registerPostSocket } from "./posts/index.js";
import { markdownRouter } from "./markdown/index.js";
import { practiceRouter } from "./practices/index.js";
import { adoptionRouter, registerAdoptionSocket } from "./adoptions/index.js";
import { moderationRouter, registerModerationSocket, startPinSweeper } from "./moderation/index.js";

/**
 * Each feature contributes an Express router (mounted under /api) and a function that registers its
 * socket commands on a connected socket. Adding a feature is one line in each list.
 */
export type { SocketRegistrar };

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
export const ioInitializers: Array<(io: IoServer) => void> = [startPinSweeper];

/** Everything `createIo` needs from the features. */
export const ioFeatures: IoOptions["features"] = {
  socketRegistrars,
  ioInitializers,
  loadActor,
  readGuestCookies,
};
