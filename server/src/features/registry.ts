import "./policies.js";
import type { Config } from "../config.js";
import type { BoundCommand } from "../lib/commands/handle.js";
import type { IoOptions, SocketRegistrar } from "../lib/realtime/io.js";
import type { IoServer } from "../lib/realtime/publish.js";
import { loadActor, userHandlers, verificationHandlers } from "./users/index.js";
import { authHandlers, sessionHandlers } from "./auth/index.js";
import { mailHandlers } from "./mail/index.js";
import { taxonomyHandlers } from "./taxonomy/index.js";
import { announceLeavingOnDisconnect } from "./presence/index.js";
import { roomHandlers } from "./rooms/index.js";
import { readStateHandlers } from "./readstate/index.js";
import { threadHandlers } from "./threads/index.js";
import { postHandlers, threadPostHandlers } from "./posts/index.js";
import { markdownHandlers } from "./markdown/index.js";
import { moderationHandlers, joinModerationRoomsOnConnect, startPinSweeper } from "./moderation/index.js";
import { adoptionHandlers, practiceHandlers } from "./practices/index.js";
import { qaHandlers, readGuestCookies } from "./qa/index.js";
import { searchHandlers } from "./search/index.js";
import { homeHandlers } from "./home/index.js";
import { watchHandlers } from "./watching/index.js";
import { notificationHandlers } from "./notifications/index.js";

/**
 * The composition root of the features: every feature's commands (declared in shared/src/commands,
 * bound in its `.commands.ts`, exported by its index.ts), the few connection hooks that are not
 * commands, and what the socket layer needs from the features. Adding a feature is one line here.
 */
export interface FeatureContext {
  config: Config;
}

/**
 * Mounted in this order: `/threads/read-all` (read state) comes before `/threads/:id`, and
 * `/practices/stats` before `/practices/:threadId` inside the practices list.
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
    ...threadPostHandlers,
    ...markdownHandlers,
    ...moderationHandlers,
    ...adoptionHandlers,
    ...practiceHandlers,
    ...qaHandlers,
    ...searchHandlers(),
    ...homeHandlers,
    ...watchHandlers(),
    ...notificationHandlers(config),
  ];
}

/** Connection hooks that are not commands: run for every new socket. */
export const socketRegistrars: SocketRegistrar[] = [
  announceLeavingOnDisconnect,
  joinModerationRoomsOnConnect,
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
