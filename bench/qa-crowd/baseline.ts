/**
 * The crowd bench's baseline: a bare Socket.io server speaking just enough of the Q&A contract for
 * the crowd (join by code → cookie, `qa:join`, `qa:vote` acked with the question's `rev`, and
 * `qa:votes:updated` batches every 100 ms to the whole session, as Rembuk batches them), with no
 * database, no auth, no validation. Its vote → every-client latency is the floor this machine sets
 * for 5,000 sockets at that moment: whatever Rembuk adds beyond it is Rembuk's own cost.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";
import type {
  ClientToServerEvents,
  QaSessionDto,
  QaViewerDto,
  QuestionDto,
  ServerToClientEvents,
} from "@rembuk/shared";

const port = Number(process.env.PORT ?? 0);
const sessionId = process.env.SESSION_ID ?? "0".repeat(24);
const questionIds: string[] = JSON.parse(process.env.QUESTION_IDS ?? "[]");
const FLUSH_MS = 100;

const voters = new Map(questionIds.map((id) => [id, new Set<string>()]));
const revs = new Map(questionIds.map((id) => [id, 0]));
const dirty = new Set<string>();
let timer: NodeJS.Timeout | null = null;
let guests = 0;

/** The parts of a snapshot the crowd does not read, filled with plain values. */
const session: QaSessionDto = {
  id: sessionId,
  roomId: sessionId,
  roomSlug: "baseline",
  title: "Baseline",
  description: "",
  hosts: [],
  startsAt: null,
  status: "live",
  moderated: false,
  allowAnonymous: true,
  guests: "participate",
  locale: "id",
  joinCode: "BASE23",
  highlightedQuestionId: null,
  archiveThreadId: null,
  questionCount: questionIds.length,
  answeredCount: 0,
  startedAt: null,
  endedAt: null,
  createdAt: new Date(0).toISOString(),
};
const viewer: QaViewerDto = { canModerate: false, canAsk: true, signedIn: false, canVote: true, guest: null };

const dto = (id: string): QuestionDto => ({
  id,
  sessionId,
  text: "Pertanyaan",
  status: "approved",
  anonymous: false,
  author: null,
  votes: voters.get(id)?.size ?? 0,
  rev: revs.get(id) ?? 0,
  answer: null,
  answeredAt: null,
  dismissReason: null,
  mergedIntoId: null,
  followUp: null,
  edited: false,
  mine: false,
  voted: false,
  createdAt: new Date(0).toISOString(),
});

const http = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/api/health") return void res.writeHead(200).end('{"ok":true}');
  if (req.method === "GET" && req.url === `/api/qa/${sessionId}`) {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ questions: questionIds.map(dto), polls: [] }));
  }
  if (req.method === "POST" && req.url?.startsWith("/api/qa/code/")) {
    const id = (++guests).toString(16).padStart(24, "0");
    res.writeHead(201, {
      "content-type": "application/json",
      "set-cookie": `rb_qg_${sessionId}=${id}; Path=/; HttpOnly`,
    });
    return void res.end(JSON.stringify({ participant: { id, name: null } }));
  }
  res.writeHead(404).end();
});

const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { transports: ["websocket"] });
io.on("connection", (socket) => {
  const who = /rb_qg_\w+=(\w+)/.exec(socket.request.headers.cookie ?? "")?.[1] ?? socket.id;
  socket.on("qa:join", async (_payload, ack) => {
    await socket.join(`qa:${sessionId}`);
    ack({ ok: true, data: { session, questions: questionIds.map(dto), polls: [], viewer } });
  });
  socket.on("qa:vote", (payload, ack) => {
    const set = voters.get(payload.questionId);
    if (!set) return ack({ ok: false, error: { code: "NOT_FOUND", message: "Question not found" } });
    if (payload.up !== set.has(who)) {
      if (payload.up) set.add(who);
      else set.delete(who);
      revs.set(payload.questionId, (revs.get(payload.questionId) ?? 0) + 1);
      dirty.add(payload.questionId);
      timer ??= setTimeout(flush, FLUSH_MS);
    }
    ack({ ok: true, data: dto(payload.questionId) });
  });
});

function flush() {
  timer = null;
  const counts = [...dirty].map((id) => ({ id, votes: voters.get(id)?.size ?? 0, rev: revs.get(id) ?? 0 }));
  dirty.clear();
  io.to(`qa:${sessionId}`).emit("qa:votes:updated", { sessionId, counts });
}

http.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  void io.close();
  http.close(() => process.exit(0));
});
