/**
 * The receiving side of the fan-out bench, in its own process so the clients never share an event
 * loop with the server (or with the poster that measures request start). On `connect` it opens N
 * Socket.io clients (websocket transport, as browsers end up using), each `thread:join`s the thread and
 * records when every `post:created` arrives; `collect` returns those receipts.
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@rembuk/shared";
import { indexOf, now, type FromClients, type ToClients } from "./common.js";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let sockets: Client[] = [];
let receipts: Array<[number, number]> = [];
const seen = new Set<string>();
let duplicates = 0;

function reply(msg: FromClients) {
  process.send?.(msg);
}

function connectOne(url: string, threadId: string, id: number): Promise<Client> {
  const socket: Client = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: url },
  });
  socket.on("post:created", ({ post }) => {
    const t = now();
    const at = indexOf(post.body);
    if (!at) return;
    const key = `${id}:${at.run}:${at.i}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
    receipts.push([at.i, t]);
  });
  return new Promise((ok, fail) => {
    socket.once("connect_error", fail);
    socket.once("connect", () => {
      socket
        .timeout(30_000)
        .emitWithAck("thread:join", { threadId })
        .then((res) => (res.ok ? ok(socket) : fail(new Error(`thread:join: ${res.error.code}`))), fail);
    });
  });
}

async function connectAll(url: string, n: number, threadId: string) {
  const started = now();
  let next = 0;
  const made: Client[] = [];
  // Connect in waves, as people arrive, without flooding the accept queue.
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < n) {
        const id = sockets.length + next++;
        made.push(await connectOne(url, threadId, id));
      }
    }),
  );
  sockets.push(...made);
  reply({ type: "ready", n: sockets.length, ms: now() - started });
}

function isCommand(raw: unknown): raw is ToClients {
  return typeof raw === "object" && raw !== null && "type" in raw && typeof raw.type === "string";
}

process.on("message", (msg: unknown) => {
  if (!isCommand(msg)) return;
  if (msg.type === "connect") {
    connectAll(msg.url, msg.n, msg.threadId).catch((err: unknown) =>
      reply({ type: "error", message: String(err) }),
    );
  } else if (msg.type === "collect") {
    reply({ type: "receipts", receipts, duplicates });
    receipts = [];
    duplicates = 0;
    seen.clear();
  } else if (msg.type === "disconnect") {
    for (const s of sockets) s.disconnect();
    sockets = [];
    reply({ type: "closed" });
  }
});
