/**
 * The baseline: a bare Socket.io server (no database, no auth, no validation) that answers the same
 * two things the fan-out bench uses, with the same shapes: `thread:join` joins the socket to the
 * thread's room, and `POST /api/threads/:id/posts {body}` broadcasts `post:created {post}` to it,
 * where `post` is the real server's PostDto (passed in as a template) with this body. Whatever the
 * real server spends beyond this is Rembuk's cost.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";
import type { ClientToServerEvents, PostDto, ServerToClientEvents } from "@rembuk/shared";

const port = Number(process.env.PORT ?? 0);
const template: PostDto = JSON.parse(process.env.POST_TEMPLATE ?? "null");
let seq = template.seq;

const http = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/api/health") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  const match = req.method === "POST" ? req.url?.match(/^\/api\/threads\/([a-f0-9]{24})\/posts$/) : null;
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  let data = "";
  req.on("data", (chunk: Buffer) => (data += chunk.toString()));
  req.on("end", () => {
    const parsed: unknown = JSON.parse(data);
    const body =
      typeof parsed === "object" && parsed !== null && "body" in parsed && typeof parsed.body === "string"
        ? parsed.body
        : "";
    seq += 1;
    const post: PostDto = {
      ...template,
      id: seq.toString(16).padStart(24, "0"),
      seq,
      body,
      html: `<p>${body}</p>`,
      createdAt: new Date().toISOString(),
    };
    io.to(`thread:${match[1]}`).emit("post:created", { post });
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ post }));
  });
});

const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
  transports: ["websocket", "polling"],
});
io.on("connection", (socket) => {
  socket.on("thread:join", async (payload, ack) => {
    await socket.join(`thread:${payload.threadId}`);
    ack({
      ok: true,
      data: {
        headSeq: seq,
        missed: [],
        presence: { scope: "thread", id: payload.threadId, users: [], guests: 0, count: 0 },
      },
    });
  });
});

http.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  void io.close();
  http.close(() => process.exit(0));
});
