import net from "node:net";
import type { Document } from "bson";
import { ConnectionAuth, type Users } from "./auth/users.js";
import { runCommand } from "./commands/index.js";
import type { CommandContext, FailPoints, Reply, ServerStats } from "./commands/context.js";
import type { CursorRegistry } from "./cursors.js";
import type { Engine } from "./storage/engine.js";
import { OP_MSG } from "./wire/constants.js";
import { MessageFramer } from "./wire/framing.js";
import {
  encodeOpMsg,
  encodeOpReply,
  parseMessage,
  ProtocolError,
  toBson,
  type Request,
} from "./wire/messages.js";

const LEGACY_HELLO = new Set(["hello", "isMaster", "ismaster"]);

/** Accepts connections and serves each one's requests strictly in order. */
export class WireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;

  constructor(
    private readonly engine: Engine,
    private readonly cursors: CursorRegistry,
    private readonly stats: ServerStats,
    private readonly users: Users,
    private readonly failPoints: FailPoints | null,
  ) {
    this.server = net.createServer((socket) => this.accept(socket));
    this.server.on("error", () => {
      /* listen errors surface through listen(); later ones must not kill the process */
    });
  }

  listen(port: number, host = "127.0.0.1"): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        const addr = this.server.address();
        resolve(typeof addr === "object" && addr ? addr.port : port);
      });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private accept(socket: net.Socket): void {
    const connectionId = this.nextConnectionId++;
    this.sockets.add(socket);
    this.stats.connectionsCurrent++;
    this.stats.connectionsTotal++;
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    const ctxBase = {
      engine: this.engine,
      cursors: this.cursors,
      connectionId,
      stats: this.stats,
      users: this.users,
      auth: new ConnectionAuth(),
      failPoints: this.failPoints,
    };
    let queue: Promise<void> = Promise.resolve();
    socket.on("data", (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        // A bad length header leaves no way to find the next message boundary.
        socket.destroy();
        return;
      }
      for (const raw of messages) {
        queue = queue
          .then(() => this.handle(socket, raw, ctxBase))
          .catch(() => {
            socket.destroy();
          });
      }
    });
    socket.on("error", () => {
      /* peer resets are routine; the close handler cleans up */
    });
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.stats.connectionsCurrent--;
    });
  }

  private async handle(socket: net.Socket, raw: Buffer, base: Omit<CommandContext, "db">): Promise<void> {
    if (socket.destroyed) return;
    const requestId = raw.readInt32LE(4);
    let req: Request;
    try {
      req = parseMessage(raw);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      const opCode = raw.readInt32LE(12);
      if (opCode !== OP_MSG) {
        // Unknown opcodes get no reply format the client could read: hang up.
        socket.destroy();
        return;
      }
      write(
        socket,
        encodeOpMsg(requestId, toBson({ ok: 0, errmsg: err.message, code: 22, codeName: "InvalidBSON" })),
      );
      return;
    }
    if (req.kind === "query") {
      write(
        socket,
        encodeOpReply(requestId, toBson(await this.legacyQuery(req.collection, req.query, base))),
      );
      return;
    }
    const db: unknown = req.body.$db;
    let reply: Reply;
    if (typeof db !== "string" || db.length === 0) {
      reply = {
        ok: 0,
        errmsg: "OP_MSG requests require a $db argument",
        code: 40571,
        codeName: "Location40571",
      };
    } else {
      reply = await runCommand(req.body, { ...base, db, messageBytes: raw.length });
    }
    if (!req.moreToCome) write(socket, encodeOpMsg(requestId, toBson(reply)));
  }

  private async legacyQuery(
    collection: string,
    query: Document,
    base: Omit<CommandContext, "db">,
  ): Promise<Reply> {
    const cmd = (query.$query ?? query) as Document;
    const name = Object.keys(cmd)[0];
    if (!collection.endsWith(".$cmd") || !LEGACY_HELLO.has(name)) {
      return {
        ok: 0,
        errmsg: `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
        code: 352,
        codeName: "UnsupportedOpQueryCommand",
      };
    }
    return runCommand(cmd, { ...base, db: collection.slice(0, -5) });
  }
}

function write(socket: net.Socket, buf: Buffer): void {
  if (!socket.destroyed) socket.write(buf);
}
