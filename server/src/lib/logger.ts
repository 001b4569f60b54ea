import { pino } from "pino";

/** Structured JSON logs; quiet under tests unless LOG_LEVEL asks otherwise. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.passwordHash"],
});
