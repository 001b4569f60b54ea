import { createHash } from "node:crypto";
import { z } from "zod";
import type { Request, RequestHandler, Response, Router } from "express";
import { effectiveAuth, effectiveLimit, pathParams } from "@rembuk/shared";
import { unauthenticated } from "../errors.js";
import { consume } from "../rateLimit.js";
import { parseOrThrow } from "../zodErrors.js";
import { commandContext, isReply, type BoundCommand } from "./handle.js";

/**
 * Mounts each command's REST route on `router`: 401 for members-only commands, one point of its
 * budget, the input read from path + query (GET) or path + body, the service, then the answer.
 * Errors go to the app's error handler (Express 5 forwards rejections).
 */
export function mountCommands(router: Router, bound: readonly BoundCommand[]): void {
  for (const b of bound) {
    const http = b.command.http;
    if (!http) continue;
    const method = http.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    router[method](http.path, httpHandler(b));
  }
}

function httpHandler({ command, run }: BoundCommand): RequestHandler {
  const http = command.http!;
  const auth = effectiveAuth(command);
  const limit = effectiveLimit(command);
  const params = pathParams(http.path);
  const paramsSchema = command.params ? z.object(command.params) : null;
  return async (req: Request, res: Response) => {
    const actor = res.locals.actor ?? null;
    if (auth === "member" && !actor) throw unauthenticated();
    if (limit) await consume(limit, actor ? actor.id : `ip:${req.ip ?? "unknown"}`);
    const source: unknown = http.method === "GET" ? req.query : req.body;
    const raw: Record<string, unknown> = isPlainObject(source) ? { ...source } : {};
    const apart: Record<string, unknown> = {};
    for (const p of params) (command.params?.[p] ? apart : raw)[p] = req.params[p];
    // Path parameters declared apart are checked first, as `:id` always was (a malformed id is a 400).
    const parsedParams = paramsSchema ? parseOrThrow(paramsSchema, apart) : {};
    const input = { ...(parseOrThrow(command.input, raw) as object), ...parsedParams };
    const result = await run(input, commandContext(actor, { kind: "http", req, res }));
    if (res.headersSent) return;
    const status = isReply(result) ? result.status : (http.status ?? 200);
    const body: unknown = isReply(result) ? result.body : result;
    if (http.cache && status === 200 && sendCacheable(req, res, http.cache, body)) return;
    if (status === 204 || body === undefined) {
      res.status(status === 200 ? 204 : status).end();
    } else if (http.contentType) {
      res.status(status).type(http.contentType).send(body);
    } else {
      res.status(status).json(body);
    }
  };
}

/**
 * A shared, cacheable answer: `Cache-Control`, a strong ETag of the body, and 304 when the client
 * already holds it. Returns true when the 304 was sent.
 */
function sendCacheable(req: Request, res: Response, cacheControl: string, body: unknown): boolean {
  const json = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(json).digest("base64url").slice(0, 20)}"`;
  res.set("Cache-Control", cacheControl);
  res.set("ETag", etag);
  if (req.get("if-none-match") === etag) {
    res.status(304).end();
  } else {
    res.status(200).type("application/json").send(json);
  }
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
