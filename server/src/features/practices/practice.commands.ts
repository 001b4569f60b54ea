import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { PracticeFilterQuery, practiceCommands } from "@rembuk/shared";
import type { z } from "zod";
import type { Actor } from "../../lib/actor.js";
import { handle, httpOf } from "../../lib/commands/handle.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { SECTORS } from "../taxonomy/index.js";
import { exportPracticesCsv } from "./practice.csv.js";
import { listPractices } from "./practice.directory.js";
import { getPracticePage, practiceHistory, promoteToPractice, updatePractice } from "./practice.service.js";
import { practiceStats } from "./practice.stats.js";
import { getRegionPage } from "./region.service.js";

const sectorsEtag = `"${createHash("sha1").update(JSON.stringify(SECTORS)).digest("base64url").slice(0, 20)}"`;

/** The CSV export's download headers; the body is the command's answer. */
async function practicesCsv(
  actor: Actor | null,
  query: z.output<typeof PracticeFilterQuery>,
  req: Request,
  res: Response,
): Promise<string> {
  const csv = await exportPracticesCsv(actor, query, `${req.protocol}://${req.get("host")}`);
  const day = new Date().toISOString().slice(0, 10);
  res.set("Content-Disposition", `attachment; filename="rembuk-praktik-${day}.csv"`);
  res.set("Cache-Control", "no-store");
  return csv;
}

/** The practice commands (shared/src/commands/practices.ts) bound to their services. */
export const practiceHandlers = [
  handle(practiceCommands.stats, async (query, { actor }) => ({ stats: await practiceStats(actor, query) })),
  handle(practiceCommands.list, async (query, { actor, transport }) => {
    // `Accept: text/csv` on the directory URL answers the export (DESIGN.md §5).
    const { req, res } = httpOf(transport);
    if (req.accepts(["application/json", "text/csv"]) === "text/csv") {
      // Read as the export reads it: its own filters, no paging (a cursor is refused there).
      const filters = parseOrThrow(PracticeFilterQuery, req.query);
      res.type("text/csv; charset=utf-8").send(await practicesCsv(actor, filters, req, res));
      return undefined as never;
    }
    return listPractices(actor, query);
  }),
  handle(practiceCommands.exportCsv, async (query, { actor, transport }) => {
    const { req, res } = httpOf(transport);
    return practicesCsv(actor, query, req, res);
  }),
  handle(practiceCommands.get, async ({ threadId }, { actor }) => getPracticePage(actor, threadId)),
  handle(practiceCommands.update, async ({ threadId, ...patch }, { member }) => ({
    practice: await updatePractice(member(), threadId, patch),
  })),
  handle(practiceCommands.history, async ({ threadId }, { actor }) => ({
    revisions: await practiceHistory(actor, threadId),
  })),
  handle(practiceCommands.promote, async ({ threadId, ...input }, { member }) => ({
    thread: await promoteToPractice(member(), threadId, input),
  })),
  handle(practiceCommands.region, async ({ code }, { actor }) => getRegionPage(actor, code)),
  handle(practiceCommands.sectors, async (_input, { transport }) => {
    // The urusan list changes only with a release: cacheable like the region list.
    const { req, res } = httpOf(transport);
    res.set("Cache-Control", "public, max-age=86400");
    res.set("ETag", sectorsEtag);
    if (req.get("if-none-match") === sectorsEtag) {
      res.status(304).end();
      return undefined as never;
    }
    return { sectors: [...SECTORS] };
  }),
];
