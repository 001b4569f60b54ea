import os from "node:os";
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE_BYTES, MAX_WRITE_BATCH_SIZE } from "../wire/constants.js";
import { saslSupportedMechs, speculativeAuthenticate } from "./auth.js";
import type { CommandHandler } from "./context.js";

/**
 * devdb claims MongoDB 7.0 (wire version 21): it implements what drivers use up to 7.0, not the
 * 8.0 additions (client-level `bulkWrite`), so a driver checks before sending those and reports
 * them as unsupported instead of getting an unknown command.
 */
export const VERSION = "7.0.0";
const MAX_WIRE_VERSION = 21;

/**
 * hello / isMaster: a standalone, writable server; deliberately no topologyVersion (no
 * streaming). Like mongod it answers `saslSupportedMechs` for a known user and runs a
 * `speculativeAuthenticate` saslStart, saving the driver a round trip.
 */
export const hello: CommandHandler = (cmd, ctx) => {
  const mechs = saslSupportedMechs(cmd, ctx);
  const speculative = speculativeAuthenticate(cmd, ctx);
  return {
    ...base(ctx.connectionId),
    ...(mechs ? { saslSupportedMechs: mechs } : {}),
    ...(speculative ? { speculativeAuthenticate: speculative } : {}),
    ok: 1,
  };
};

const base = (connectionId: number): Record<string, unknown> => ({
  helloOk: true,
  ismaster: true,
  isWritablePrimary: true,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
  maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId,
  minWireVersion: 0,
  maxWireVersion: MAX_WIRE_VERSION,
  readOnly: false,
});

export const ping: CommandHandler = () => ({ ok: 1 });

export const buildInfo: CommandHandler = () => ({
  version: VERSION,
  gitVersion: "devdb",
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ["devdb"],
  modules: [],
  ok: 1,
});

export const serverStatus: CommandHandler = (_cmd, ctx) => {
  const { stats } = ctx;
  const uptimeMillis = Date.now() - stats.startedAt.getTime();
  return {
    host: os.hostname(),
    version: VERSION,
    process: "devdb",
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    localTime: new Date(),
    connections: {
      current: stats.connectionsCurrent,
      available: 1_000_000,
      totalCreated: stats.connectionsTotal,
    },
    opcounters: { ...stats.opcounters },
    metrics: { cursor: { open: { total: ctx.cursors.size } } },
    ok: 1,
  };
};

export const endSessions: CommandHandler = () => ({ ok: 1 });
