import { io as ioClient, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@rembuk/shared";
import type { Agent } from "./http.js";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A `connect_error` as the client sees it: the message and the server's `data`. */
export interface ConnectRefusal {
  message: string;
  data: unknown;
}

function build(url: string, agent?: Agent): ClientSocket {
  const headers: Record<string, string> = { origin: agent?.origin ?? url };
  const cookie = agent?.cookieHeader();
  if (cookie) headers.cookie = cookie;
  return ioClient(url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
}

/**
 * A real socket.io-client carrying `agent`'s cookie (or none: a guest). Resolves once connected;
 * rejects with the refusal when the handshake is refused. Close it with `socket.disconnect()`.
 */
export function connectSocket(url: string, agent?: Agent): Promise<ClientSocket> {
  const socket = build(url, agent);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: unknown }) => {
      socket.disconnect();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

/** For negative tests: resolves with the refusal, or rejects if the connection was accepted. */
export function refusedSocket(url: string, agent?: Agent): Promise<ConnectRefusal> {
  const socket = build(url, agent);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      socket.disconnect();
      reject(new Error("expected the handshake to be refused"));
    });
    socket.once("connect_error", (err: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve({ message: err.message, data: err.data });
    });
  });
}

/** The payload of the next server event named `event` on `socket`, or reject after `ms`. */
export function nextEvent(
  socket: ClientSocket,
  event: keyof ServerToClientEvents,
  ms = 5000,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no "${event}" within ${ms} ms`));
    }, ms);
    const listener = (name: string, payload: unknown) => {
      if (name !== event) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    socket.onAny(listener);
  });
}

/** The reason of the next disconnect (`"io server disconnect"` when the server cut it). */
export function nextDisconnect(socket: ClientSocket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve("already disconnected");
    const timer = setTimeout(() => reject(new Error(`no disconnect within ${ms} ms`)), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
