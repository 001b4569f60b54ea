import type { Router } from "express";
import type { Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoSocket } from "../lib/realtime/defineHandler.js";
import { authRouter } from "./auth/auth.routes.js";
import { registerAuthSocket } from "./auth/auth.socket.js";
import { taxonomyRouter } from "./taxonomy/taxonomy.routes.js";
import { userRouter } from "./users/user.routes.js";

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
  taxonomyRouter,
];

export const socketRegistrars: SocketRegistrar[] = [registerAuthSocket];
