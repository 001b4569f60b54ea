import { Binary, type Document } from "bson";
import {
  MECHANISMS,
  parseClientFirst,
  ScramConversation,
  ScramFailure,
  type Mechanism,
} from "../auth/scram.js";
import { CommandError } from "../errors.js";
import type { CommandContext, CommandHandler } from "./context.js";

/**
 * SASL commands as `mongod` answers them (conversationId 1, `skipEmptyExchange` honoured). Every
 * failure to authenticate is the same `AuthenticationFailed` (code 18), whether the user is
 * unknown or the proof is wrong, so a client learns nothing about which users exist.
 */
const failed = (): CommandError => new CommandError("AuthenticationFailed", "Authentication failed.");

function payloadArg(cmd: Document): Buffer {
  const p: unknown = cmd.payload;
  if (p instanceof Binary) return Buffer.from(p.buffer.subarray(0, p.position));
  if (p instanceof Uint8Array) return Buffer.from(p);
  if (typeof p === "string") return Buffer.from(p, "base64");
  throw new CommandError("TypeMismatch", "BSON field 'payload' is the wrong type, expected binData");
}

function start(cmd: Document, db: string, ctx: CommandContext): Document {
  const mechanism = cmd.mechanism;
  if (typeof mechanism !== "string" || !(MECHANISMS as readonly string[]).includes(mechanism)) {
    throw new CommandError(
      "MechanismUnavailable",
      `Received authentication for mechanism ${String(mechanism)} which is unknown or not enabled`,
    );
  }
  let client;
  try {
    client = parseClientFirst(payloadArg(cmd));
  } catch (err) {
    if (err instanceof ScramFailure) throw failed();
    throw err;
  }
  const secrets = ctx.users.secrets(db, client.username, mechanism as Mechanism);
  if (!secrets) throw failed();
  const scram = new ScramConversation(mechanism as Mechanism, client.username, secrets, client);
  const options: unknown = cmd.options;
  const skipEmptyExchange =
    typeof options === "object" && options !== null && Boolean((options as Document).skipEmptyExchange);
  ctx.auth.conversation = { scram, db, skipEmptyExchange, step: 1 };
  ctx.auth.user = null;
  return {
    conversationId: 1,
    done: false,
    payload: new Binary(Buffer.from(scram.serverFirst, "utf8")),
    ok: 1,
  };
}

export const saslStart: CommandHandler = (cmd, ctx) => start(cmd, ctx.db, ctx);

export const saslContinue: CommandHandler = (cmd, ctx) => {
  const conv = ctx.auth.conversation;
  if (!conv || cmd.conversationId !== 1 || conv.db !== ctx.db) {
    throw new CommandError("ProtocolError", "No SASL session state found");
  }
  const payload = payloadArg(cmd);
  if (conv.step === 2) {
    // The optional empty round trip of clients that don't ask to skip it.
    ctx.auth.conversation = null;
    if (payload.length !== 0) throw failed();
    ctx.auth.user = { user: conv.scram.username, db: conv.db };
    return { conversationId: 1, done: true, payload: new Binary(Buffer.alloc(0)), ok: 1 };
  }
  let serverFinal: string;
  try {
    serverFinal = conv.scram.finish(payload);
  } catch (err) {
    ctx.auth.conversation = null;
    if (err instanceof ScramFailure) throw failed();
    throw err;
  }
  if (conv.skipEmptyExchange) {
    ctx.auth.conversation = null;
    ctx.auth.user = { user: conv.scram.username, db: conv.db };
  } else {
    conv.step = 2;
  }
  return {
    conversationId: 1,
    done: conv.skipEmptyExchange,
    payload: new Binary(Buffer.from(serverFinal, "utf8")),
    ok: 1,
  };
};

/** `hello`'s `speculativeAuthenticate`: a saslStart folded into the handshake; failures are silent. */
export function speculativeAuthenticate(cmd: Document, ctx: CommandContext): Document | undefined {
  const spec: unknown = cmd.speculativeAuthenticate;
  if (typeof spec !== "object" || spec === null) return undefined;
  const doc = spec as Document;
  if (doc.saslStart === undefined || typeof doc.db !== "string") return undefined;
  try {
    const { conversationId, done, payload } = start(doc, doc.db, ctx);
    return { conversationId, done, payload };
  } catch {
    return undefined;
  }
}

/** `hello`'s `saslSupportedMechs: "db.user"`: the mechanisms that user can use, if it exists. */
export function saslSupportedMechs(cmd: Document, ctx: CommandContext): Mechanism[] | undefined {
  const v: unknown = cmd.saslSupportedMechs;
  if (typeof v !== "string") return undefined;
  const dot = v.indexOf(".");
  if (dot < 0) return undefined;
  return ctx.users.mechanisms(v.slice(0, dot), v.slice(dot + 1));
}

export const connectionStatus: CommandHandler = (_cmd, ctx) => {
  const u = ctx.auth.user;
  return {
    authInfo: {
      authenticatedUsers: u ? [u] : [],
      authenticatedUserRoles: u ? [{ role: "root", db: "admin" }] : [],
    },
    ok: 1,
  };
};
