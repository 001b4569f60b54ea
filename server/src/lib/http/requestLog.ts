import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { Level, Logger } from "pino";
import { actorOf } from "./requireAuth.js";

/** Incoming request ids are honoured when they look like ids, so a proxy's id threads through logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * How loud a finished request is. Only what someone should look at stands out: a server fault is an
 * error, a rate limit a warning (an abusive client, or budgets set too tight). Every other answer,
 * the 401 of `/api/auth/me` for each guest page view and the 4xx of a mistyped form included, is the
 * app working as designed.
 */
export function levelFor(status: number): Level {
  if (status >= 500) return "error";
  if (status === 429) return "warn";
  return "info";
}

export const requestIdOf = (res: Response): string | undefined =>
  typeof res.locals.requestId === "string" ? res.locals.requestId : undefined;

/**
 * One short line per request: `GET /api/rooms 200 3.1 ms`, with the request id and the user id as
 * fields. Never headers or cookies, and never the query string (search terms, tokens in links).
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = req.originalUrl.split("?", 1)[0];
      const user = actorOf(res)?.id;
      log[levelFor(res.statusCode)](
        { reqId: id, ...(user ? { userId: user } : {}) },
        `${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)} ms${user ? ` user=${user}` : ""}`,
      );
    });
    next();
  };
}
