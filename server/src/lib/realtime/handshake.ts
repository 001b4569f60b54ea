import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import proxyAddr from "proxy-addr";
import type { ExtendedError } from "socket.io";
import type { Role, SocketData } from "@rembuk/shared";
import { activeSuspension } from "../actor.js";
import type { IoServer } from "./publish.js";
import type { IoSocket } from "./defineHandler.js";

/** A Q&A guest participant a device joined as (the shape of `SocketData.qaGuests`). */
export type GuestRef = NonNullable<SocketData["qaGuests"]>[number];
/** Reads the guest credentials a handshake request carries; installed by the composition root. */
export type GuestReader = (headers: IncomingHttpHeaders) => GuestRef[];

/** Who opened a Socket.io connection, as read from the Express session during the handshake. */
export interface HandshakeIdentity {
  userId: string | null;
  role: Role | null;
  sessionId: string | null;
  suspendedUntil: Date | null;
  /** Q&A guest participants this device joined as (signed cookies, each valid in its own session). */
  qaGuests: GuestRef[];
}

const identities = new WeakMap<IncomingMessage, HandshakeIdentity>();

/**
 * Engine.io runs its middlewares on every HTTP request of a connection (each long-polling round
 * trip); the session only needs reading once, at the handshake, which is the request without a
 * `sid` query parameter.
 */
function onlyForHandshake(middleware: RequestHandler): RequestHandler {
  // Engine.io hands over Node's request/response, not Express's; express-session and passport only
  // use the Node API plus what earlier middlewares attached, which is why Socket.io documents this.
  return (req, res, next) => {
    const isHandshake = !new URL(req.url, "http://localhost").searchParams.has("sid");
    if (!isHandshake) return next();
    return middleware(req, res, next);
  };
}

/**
 * Same cookie, same session, same user as REST: the session middleware and `passport.session()`
 * run for the handshake only, then the identity is recorded for `io.use` below. Guests connect
 * read-only (`userId: null`); a suspended user's handshake is refused with
 * `connect_error` data `{code: "SUSPENDED", suspendedUntil}`.
 */
export function installHandshake(
  io: IoServer,
  session: RequestHandler,
  passportSession: RequestHandler,
  trustProxy: (addr: string, i: number) => boolean,
  readGuestCookies: GuestReader,
): void {
  const record: RequestHandler = (req: Request, _res: Response, next) => {
    const user = req.user;
    identities.set(req, {
      userId: user?.id ?? null,
      role: user?.role ?? null,
      sessionId: user ? req.session.id : null,
      suspendedUntil: user?.suspendedUntil ?? null,
      qaGuests: readGuestCookies(req.headers),
    });
    next();
  };
  io.engine.use(onlyForHandshake(session));
  io.engine.use(onlyForHandshake(passportSession));
  io.engine.use(onlyForHandshake(record));

  io.use((socket: IoSocket, next: (err?: ExtendedError) => void) => {
    const id = identities.get(socket.request) ?? {
      userId: null,
      role: null,
      sessionId: null,
      suspendedUntil: null,
      qaGuests: [],
    };
    const suspendedUntil = activeSuspension(id);
    if (suspendedUntil) {
      const err: ExtendedError = new Error("Account suspended");
      err.data = { code: "SUSPENDED", suspendedUntil: suspendedUntil.toISOString() };
      return next(err);
    }
    // Behind a trusted proxy every guest would otherwise share the proxy's address and one budget.
    const address = proxyAddr(socket.request, trustProxy);
    socket.data = {
      userId: id.userId,
      role: id.role,
      sessionId: id.sessionId,
      address,
      qaGuests: id.qaGuests,
    };
    next();
  });
}
