import { io, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "@rembuk/shared";
import { apiErrorFromAck } from "./api";

/**
 * The one Socket.io connection (same origin, session cookie at the handshake). It reconnects on its
 * own; `watchConnection` turns its events and the browser's network state into the three-state
 * connection status shown in the header.
 */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: RealtimeSocket | null = null;

export function getSocket(): RealtimeSocket {
  socket ??= io({
    autoConnect: false,
    withCredentials: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  return socket;
}

/** Drops and reopens the connection so the handshake carries the current session cookie. */
export function reconnectSocket(s: RealtimeSocket = getSocket()): void {
  s.disconnect();
  s.connect();
}

// ---------------------------------------------------------------------------------------------
// Commands

export const COMMAND_TIMEOUT_MS = 8000;

/** The socket with a timeout applied; `emitWithAck` on it rejects when no ack arrives in time. */
export type TimedSocket = ReturnType<RealtimeSocket["timeout"]>;

function unwrap<T>(res: Ack<T>): T {
  if (res.ok) return res.data;
  throw apiErrorFromAck(res.error);
}

/**
 * Sends one command and resolves with its ack data; rejects with `ApiError` on an error ack or
 * after `timeoutMs` without an answer (socket.io buffers the emit while reconnecting). The event is
 * named at the call site so socket.io's types check its payload and ack:
 * `command((s) => s.emitWithAck("session:ping", {}))`.
 */
export async function command<T>(
  send: (socket: TimedSocket) => Promise<Ack<T>>,
  timeoutMs: number = COMMAND_TIMEOUT_MS,
): Promise<T> {
  let res: Ack<T>;
  try {
    res = await send(getSocket().timeout(timeoutMs));
  } catch {
    throw apiErrorFromAck(null, timeoutMs);
  }
  return unwrap(res);
}

/** Round trip to the server: who the socket is signed in as. */
export const ping = () => command((s) => s.emitWithAck("session:ping", {}));

// ---------------------------------------------------------------------------------------------
// Connection status

export type ConnectionStatus = "online" | "reconnecting" | "offline";

/** The socket events the status depends on, behind a small interface so it can be tested alone. */
export interface ConnectionSource {
  isConnected(): boolean;
  /** False after the server refused the handshake: socket.io will not retry by itself then. */
  isActive(): boolean;
  connect(): void;
  onConnect(cb: () => void): () => void;
  onDisconnect(cb: (reason: string) => void): () => void;
  onConnectError(cb: () => void): () => void;
}

export interface NetworkSource {
  isOnline(): boolean;
  onChange(cb: (online: boolean) => void): () => void;
}

export function socketConnectionSource(s: RealtimeSocket): ConnectionSource {
  return {
    isConnected: () => s.connected,
    isActive: () => s.active,
    connect: () => void s.connect(),
    onConnect: (cb) => {
      s.on("connect", cb);
      return () => void s.off("connect", cb);
    },
    onDisconnect: (cb) => {
      const handler = (reason: string) => cb(reason);
      s.on("disconnect", handler);
      return () => void s.off("disconnect", handler);
    },
    onConnectError: (cb) => {
      s.on("connect_error", cb);
      return () => void s.off("connect_error", cb);
    },
  };
}

export function browserNetwork(): NetworkSource {
  return {
    isOnline: () => (typeof navigator === "undefined" ? true : navigator.onLine !== false),
    onChange: (cb) => {
      const on = () => cb(true);
      const off = () => cb(false);
      window.addEventListener("online", on);
      window.addEventListener("offline", off);
      return () => {
        window.removeEventListener("online", on);
        window.removeEventListener("offline", off);
      };
    },
  };
}

export interface WatchOptions {
  onStatus: (status: ConnectionStatus) => void;
  network: NetworkSource;
  /** Failing to connect for this long turns `reconnecting` into `offline`. */
  offlineAfterMs?: number;
  /** Retry delay when socket.io gave up by itself (handshake refused, server kicked us). */
  manualRetryMs?: number;
}

export function watchConnection(source: ConnectionSource, opts: WatchOptions): () => void {
  const offlineAfterMs = opts.offlineAfterMs ?? 5000;
  const manualRetryMs = opts.manualRetryMs ?? 5000;
  let last: ConnectionStatus | null = null;
  let offlineTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const emit = (status: ConnectionStatus) => {
    if (status === last) return;
    last = status;
    opts.onStatus(status);
  };
  const clearTimers = () => {
    if (offlineTimer) clearTimeout(offlineTimer);
    if (retryTimer) clearTimeout(retryTimer);
    offlineTimer = retryTimer = null;
  };
  const scheduleRetry = () => {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!source.isConnected() && opts.network.isOnline()) source.connect();
    }, manualRetryMs);
  };
  const failing = () => {
    if (!opts.network.isOnline()) return emit("offline");
    if (last !== "offline") emit("reconnecting");
    offlineTimer ??= setTimeout(() => {
      offlineTimer = null;
      if (!source.isConnected()) emit("offline");
    }, offlineAfterMs);
  };

  emit(!opts.network.isOnline() ? "offline" : source.isConnected() ? "online" : "reconnecting");

  const stops = [
    source.onConnect(() => {
      clearTimers();
      emit("online");
    }),
    source.onDisconnect((reason) => {
      if (!opts.network.isOnline()) return emit("offline");
      emit("reconnecting");
      // Our own disconnect() is always followed by connect(); the server kicking us is not retried
      // by socket.io, so come back (as whoever the cookie now says) after a pause.
      if (reason === "io server disconnect") scheduleRetry();
    }),
    source.onConnectError(() => {
      failing();
      if (!source.isActive()) scheduleRetry();
    }),
    opts.network.onChange((online) => {
      if (!online) return emit("offline");
      emit(source.isConnected() ? "online" : "reconnecting");
      if (!source.isConnected()) source.connect();
    }),
  ];

  return () => {
    clearTimers();
    for (const stop of stops) stop();
  };
}
