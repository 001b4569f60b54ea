import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLog } from "./requestLog.js";

const lines: Array<Record<string, unknown>> = [];
const raw: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});

let url = "";
let close: () => void = () => undefined;
beforeAll(async () => {
  const app = express();
  app.use(requestLog(pino({ level: "info" }, sink)));
  app.use((req, res, next) => {
    if (req.headers.cookie?.includes("signed-in"))
      res.locals.actor = {
        id: "64b000000000000000000001",
        role: "member",
        name: "Uji",
        verified: false,
        affiliation: null,
        suspendedUntil: null,
      };
    next();
  });
  app.get("/api/auth/me", (_req, res) => void res.status(401).json({ error: { code: "UNAUTHENTICATED" } }));
  app.get("/api/rooms", (_req, res) => void res.json({ rooms: [] }));
  app.get("/api/busy", (_req, res) => void res.status(429).json({}));
  app.get("/api/broken", (_req, res) => void res.status(500).json({}));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const LEVEL = { info: 30, warn: 40, error: 50 };

async function hit(path: string, headers: Record<string, string> = {}) {
  const before = lines.length;
  await (await fetch(`${url}${path}`, { headers })).text();
  // The line is written on "finish", which can come a tick after the client has the response.
  for (let i = 0; lines.length === before && i < 200; i++) await new Promise((r) => setTimeout(r, 5));
  return { line: lines[lines.length - 1], raw: raw[raw.length - 1] };
}

describe("request log", () => {
  it("writes one short line per request: method, path, status, time and user, no headers", async () => {
    const { line, raw: text } = await hit("/api/rooms?q=rahasia&token=abc", {
      cookie: "rembuk.sid=signed-in-secret",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
    });
    expect(line.msg).toMatch(/^GET \/api\/rooms 200 \d+\.\d ms user=64b000000000000000000001$/);
    expect(line).toMatchObject({ level: LEVEL.info, userId: "64b000000000000000000001" });
    expect(text.length).toBeLessThan(300);
    for (const secret of ["signed-in-secret", "Mozilla", "rahasia", "token=abc", "headers"])
      expect(text).not.toContain(secret);
  });

  it("does not warn about a guest's 401 on /api/auth/me; warns on 429; errors on 5xx", async () => {
    expect((await hit("/api/auth/me")).line).toMatchObject({
      level: LEVEL.info,
      msg: expect.stringMatching(/^GET \/api\/auth\/me 401 /),
    });
    expect((await hit("/api/auth/me")).line).not.toHaveProperty("userId");
    expect((await hit("/api/nowhere")).line.level).toBe(LEVEL.info);
    expect((await hit("/api/busy")).line.level).toBe(LEVEL.warn);
    expect((await hit("/api/broken")).line.level).toBe(LEVEL.error);
  });

  it("keeps a sensible incoming request id and answers with it", async () => {
    const res = await fetch(`${url}/api/rooms`, { headers: { "x-request-id": "proxy-123" } });
    expect(res.headers.get("x-request-id")).toBe("proxy-123");
    const odd = await fetch(`${url}/api/rooms`, { headers: { "x-request-id": "<script>" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
