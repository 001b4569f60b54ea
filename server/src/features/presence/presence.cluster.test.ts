import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevDb, type DevDb } from "@rembuk/devdb";
import type { PostDto, PresenceDto } from "@rembuk/shared";
import { makeAdmin, makeMember, makeModerator, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { syncAllIndexes } from "../../lib/db.js";
import { ask, clientId, collect, makeRoom, makeThread } from "../rooms/forum.fixtures.js";

/**
 * Scale-out: two real server processes (the production entry point, `src/main.ts`) share one
 * standalone devdb and one Redis. A client on process A must receive what is written through process
 * B, and presence must count sockets on both. Redis always runs on these machines and in CI.
 */
const SERVER_DIR = fileURLToPath(new URL("../../../", import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let devdb: DevDb;
const children: ChildProcess[] = [];
const sockets: ClientSocket[] = [];

/** Start `src/main.ts` and resolve with its URL once it prints it. */
function startProcess(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 25_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Rembuk: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

let urlA: string;
let urlB: string;
let admin: MadeUser;
let ani: MadeUser;
let budi: MadeUser;

beforeAll(async () => {
  devdb = await startDevDb({ inMemory: true });
  const dbName = `rembuk_cluster_${randomBytes(4).toString("hex")}`;
  const uri = devdb.uriFor(dbName);
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  await syncAllIndexes();
  const env = {
    MONGODB_URI: uri,
    REDIS_URL,
    PORT: "0",
    NODE_ENV: "test",
    DEMO_CONTENT: "false",
    // Both processes must accept the same session cookie.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "silent",
  };
  [urlA, urlB] = await Promise.all([startProcess(env), startProcess(env)]);
  [admin, ani, budi] = await Promise.all([
    makeAdmin(),
    makeMember({ name: "Ani di A" }),
    makeMember({ name: "Budi di B" }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await mongoose.disconnect();
  await devdb?.stop();
});

async function login(url: string, user: MadeUser) {
  const agent = new Agent(url);
  const res = await agent.post("/api/auth/login", { email: user.email, password: user.password });
  expect(res.status).toBe(200);
  return agent;
}

describe("two server processes behind Redis", () => {
  it("delivers a post written on B to a client on A, and presence covers both processes", async () => {
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(admin.actor, room.slug, { title: "Utas lintas proses" });
    const [aniAgent, budiAgent] = await Promise.all([login(urlA, ani), login(urlB, budi)]);

    const onA = await connectSocket(urlA, aniAgent);
    sockets.push(onA);
    const joinA = await ask(onA, "thread:join", { threadId: thread.id, afterSeq: 1 });
    expect(joinA).toMatchObject({ ok: true, data: { headSeq: 1, missed: [] } });
    expect(await ask(onA, "room:join", { roomId: room.id })).toMatchObject({ ok: true });

    // Budi joins the room on process B: A hears about it, and both see two people.
    const onB = await connectSocket(urlB, budiAgent);
    sockets.push(onB);
    const changed = waitForPresence(onA, room.id, 2);
    const joinB = await ask(onB, "room:join", { roomId: room.id });
    expect(joinB.ok && joinB.data.presence.count).toBe(2);
    if (joinB.ok)
      expect(joinB.data.presence.users.map((u) => u.name).sort()).toEqual(["Ani di A", "Budi di B"]);
    expect((await changed).users).toHaveLength(2);

    const rooms = await budiAgent.get<{ rooms: Array<{ id: string; presenceCount: number }> }>("/api/rooms");
    expect(rooms.body.rooms.find((r) => r.id === room.id)?.presenceCount).toBe(2);

    const created = nextEvent(onA, "post:created", 8000);
    const res = await budiAgent.post<{ post: PostDto }>(`/api/threads/${thread.id}/posts`, {
      body: "Ditulis lewat proses B",
      clientId: clientId(),
    });
    expect(res.status).toBe(201);
    const event = (await created) as { post: PostDto };
    expect(event.post).toMatchObject({ id: res.body.post.id, seq: 2, threadId: thread.id });

    // And the other way round, over a socket on A, seen on B after B catches up by seq.
    const fromA = await ask(onA, "post:create", {
      threadId: thread.id,
      body: "Balasan dari A",
      clientId: clientId(),
    });
    expect(fromA).toMatchObject({ ok: true, data: { seq: 3 } });
    const catchUp = await ask(onB, "thread:join", { threadId: thread.id, afterSeq: 2 });
    expect(catchUp.ok && catchUp.data.missed.map((p) => p.seq)).toEqual([3]);
  }, 30_000);
});

describe("losing access across processes", () => {
  it("a verification revoked through A evicts the member's socket on B from the restricted thread at once", async () => {
    const room = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    });
    const thread = await makeThread(admin.actor, room.slug, { title: "Rapat pimpinan lintas proses" });
    const leader = await makeMember({
      name: "Pejabat di B",
      affiliation: { kind: "region", code: "33.74" },
      verified: true,
    });
    const moderator = await makeModerator();
    const [leaderAgent, modAgent, adminAgent] = await Promise.all([
      login(urlB, leader),
      login(urlA, moderator),
      login(urlA, admin),
    ]);
    const onB = await connectSocket(urlB, leaderAgent);
    const witness = await connectSocket(urlA, adminAgent);
    sockets.push(onB, witness);
    expect(await ask(onB, "thread:join", { threadId: thread.id, afterSeq: 1 })).toMatchObject({ ok: true });
    expect(await ask(witness, "thread:join", { threadId: thread.id, afterSeq: 1 })).toMatchObject({
      ok: true,
    });
    const heard = collect(onB, "post:created");

    const revoked = await modAgent.delete(`/api/users/${leader.id}/verification`, {
      json: { reason: "Uji lintas proses" },
    });
    expect(revoked.status).toBe(200);
    const seen = nextEvent(witness, "post:created", 8000);
    expect(
      await ask(witness, "post:create", {
        threadId: thread.id,
        body: "Sesudah pencabutan",
        clientId: clientId(),
      }),
    ).toMatchObject({ ok: true });
    await seen;
    // A short grace for a copy still crossing Redis to B (as the other "nothing arrives" checks do).
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.items).toHaveLength(0);
    expect(await ask(onB, "thread:join", { threadId: thread.id, afterSeq: 1 })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  }, 30_000);
});

/** The next `presence:changed` for `roomId` listing `count` people. */
function waitForPresence(socket: ClientSocket, roomId: string, count: number): Promise<PresenceDto> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no presence:changed")), 8000);
    const listener = (p: PresenceDto) => {
      if (p.scope === "room" && p.id === roomId && p.count === count) {
        clearTimeout(timer);
        socket.off("presence:changed", listener);
        resolve(p);
      }
    };
    socket.on("presence:changed", listener);
  });
}
