import { z } from "zod";
import { defineCommand } from "./define.js";

/** The API describing itself. */
export const metaCommands = {
  health: defineCommand({
    name: "meta.health",
    summary: "Liveness check: 503 with ok=false while the database is unreachable",
    input: z.object({}),
    output: z.object({ ok: z.boolean(), db: z.string(), redis: z.boolean(), version: z.string() }),
    http: { method: "GET", path: "/health" },
  }),
  openapi: defineCommand({
    name: "meta.openapi",
    summary: "This contract as an OpenAPI 3.1 document",
    input: z.object({}),
    output: z.record(z.string(), z.unknown()),
    http: { method: "GET", path: "/openapi.json" },
  }),
  docs: defineCommand({
    name: "meta.docs",
    summary: "This contract as a readable page",
    input: z.object({}),
    output: z.string(),
    http: { method: "GET", path: "/docs", contentType: "text/html" },
  }),
} as const;
