import type { Router } from "express";
import type { IoServer } from "../lib/realtime/publish.js";
import type { IoSocket } from "../lib/realtime/defineHandler.js";

/**
 * Each feature contributes an Express router (mounted under /api) and a function that registers its
 * socket commands on a connected socket. Adding a feature is one line in each list.
 */
export type SocketRegistrar = (socket: IoSocket, io: IoServer) => void;

export const featureRouters: Array<() => Router> = [];

export const socketRegistrars: SocketRegistrar[] = [];
