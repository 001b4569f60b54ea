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
  return async (req: Request, res: Response) => {
    const actor = res.locals.actor ?? null;
    if (auth === "member" && !actor) throw unauthenticated();
    if (limit) await consume(limit, actor ? actor.id : `ip:${req.ip ?? "unknown"}`);
    const source: unknown = http.method === "GET" ? req.query : req.body;
    const raw: Record<string, unknown> = isPlainObject(source) ? { ...source } : {};
    for (const p of params) raw[p] = req.params[p];
    const input = parseOrThrow(command.input, raw);
    const result = await run(input, commandContext(actor, { kind: "http", req, res }));
    if (res.headersSent) return;
    const status = isReply(result) ? result.status : (http.status ?? 200);
    const body: unknown = isReply(result) ? result.body : result;
    if (status === 204 || body === undefined) {
      res.status(status === 200 ? 204 : status).end();
    } else if (http.contentType) {
      res.status(status).type(http.contentType).send(body);
    } else {
      res.status(status).json(body);
    }
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
