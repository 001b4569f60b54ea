import type { Document } from "bson";
import { asCommandError, CommandError } from "../errors.js";
import { create, drop, dropDatabase, listCollections, listDatabases } from "./admin.js";
import { aggregate } from "./aggregate.js";
import { connectionStatus, saslContinue, saslStart } from "./auth.js";
import { Deadline } from "./deadline.js";
import { configureFailPoint } from "./fail-points.js";
import { collMod } from "./coll-mod.js";
import { explain } from "./explain.js";
import { devdbSnapshot } from "./snapshot.js";
import type { CommandContext, CommandHandler, Reply } from "./context.js";
import { count, distinct, find, getMore, killCursors } from "./find.js";
import { findAndModify } from "./find-and-modify.js";
import { buildInfo, endSessions, hello, ping, serverStatus } from "./handshake.js";
import { createIndexes, dropIndexes, listIndexes } from "./indexes.js";
import { del, insert, update } from "./write.js";

const HANDLERS = new Map<string, CommandHandler>([
  ["hello", hello],
  ["isMaster", hello],
  ["ismaster", hello],
  ["ping", ping],
  ["saslStart", saslStart],
  ["saslContinue", saslContinue],
  ["connectionStatus", connectionStatus],
  ["configureFailPoint", configureFailPoint],
  ["buildInfo", buildInfo],
  ["buildinfo", buildInfo],
  ["serverStatus", serverStatus],
  ["endSessions", endSessions],
  ["listDatabases", listDatabases],
  ["create", create],
  ["drop", drop],
  ["dropDatabase", dropDatabase],
  ["listCollections", listCollections],
  ["insert", insert],
  ["update", update],
  ["delete", del],
  ["find", find],
  ["getMore", getMore],
  ["killCursors", killCursors],
  ["count", count],
  ["distinct", distinct],
  ["findAndModify", findAndModify],
  ["findandmodify", findAndModify],
  ["aggregate", aggregate],
  ["createIndexes", createIndexes],
  ["listIndexes", listIndexes],
  ["dropIndexes", dropIndexes],
  ["devdbSnapshot", devdbSnapshot],
  ["explain", explain],
  ["collMod", collMod],
  ["deleteIndexes", dropIndexes],
]);

/**
 * Commands mongod runs before authentication (those whose `requiresAuth()` is false in its
 * source: hello/isMaster, buildInfo, ping, saslStart/saslContinue, connectionStatus). Every
 * other command from an unauthenticated connection fails with code 13 `Unauthorized`.
 */
const NO_AUTH = new Set([
  "hello",
  "isMaster",
  "ismaster",
  "ping",
  "buildInfo",
  "buildinfo",
  "saslStart",
  "saslContinue",
  "connectionStatus",
]);

const TRANSACTION_COMMANDS = new Set(["commitTransaction", "abortTransaction"]);

function transactionError(): CommandError {
  return new CommandError(
    "IllegalOperation",
    "Transaction numbers are only allowed on a replica set member or mongos",
  );
}

/** Runs one command document and always produces a reply; it never throws. */
export async function runCommand(cmd: Document, ctx: CommandContext): Promise<Reply> {
  try {
    const name = Object.keys(cmd)[0];
    if (name === undefined) throw new CommandError("FailedToParse", "empty command object");
    const handler = HANDLERS.get(name);
    if (!handler) throw new CommandError("CommandNotFound", `no such command: '${name}'`);
    if (ctx.auth.user === null && !NO_AUTH.has(name)) {
      throw new CommandError("Unauthorized", `Command ${name} requires authentication`);
    }
    // A standalone server refuses transactions (and retryable-write txnNumbers) outright.
    if (
      TRANSACTION_COMMANDS.has(name) ||
      cmd.txnNumber !== undefined ||
      cmd.startTransaction !== undefined ||
      cmd.autocommit !== undefined
    ) {
      throw transactionError();
    }
    ctx.stats.opcounters.command++;
    const deadline = Deadline.of(cmd, ctx.failPoints);
    deadline?.check();
    return await handler(cmd, deadline ? { ...ctx, deadline } : ctx);
  } catch (err) {
    return asCommandError(err).toReply();
  }
}
