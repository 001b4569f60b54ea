import { Router, type Request, type Response } from "express";
import { PracticeListQuery, PracticePatchInput, PromoteInput, RegionParams } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { exportPracticesCsv } from "./practice.csv.js";
import { listPractices } from "./practice.directory.js";
import { getPracticePage, practiceHistory, promoteToPractice, updatePractice } from "./practice.service.js";
import { practiceStats } from "./practice.stats.js";
import { getRegionPage } from "./region.service.js";

/** Filters without paging: what the CSV export and the dashboard take. */
const FilterQuery = PracticeListQuery.omit({ cursor: true, limit: true });
const StatsQuery = PracticeListQuery.omit({ cursor: true, limit: true, sort: true });

async function sendCsv(req: Request, res: Response) {
  const query = parseOrThrow(FilterQuery, req.query);
  const csv = await exportPracticesCsv(actorOf(res), query, `${req.protocol}://${req.get("host")}`);
  const day = new Date().toISOString().slice(0, 10);
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", `attachment; filename="rembuk-praktik-${day}.csv"`);
  res.set("Cache-Control", "no-store");
  res.send(csv);
}

/** Practices directory, practice pages and edits, promotion, the dashboard and region pages (DESIGN.md §5). */
export function practiceRouter(): Router {
  const router = Router();

  // `Accept: text/csv` on the directory URL, or the explicit `.csv` address a download link can use.
  router.get("/practices.csv", sendCsv);
  router.get("/practices", async (req, res) => {
    if (req.accepts(["application/json", "text/csv"]) === "text/csv") return sendCsv(req, res);
    res.json(await listPractices(actorOf(res), parseOrThrow(PracticeListQuery, req.query)));
  });

  router.get(
    "/practices/stats",
    validate(StatsQuery, "query", async (query, _req, res) => {
      res.json({ stats: await practiceStats(actorOf(res), query) });
    }),
  );

  router.get("/practices/:id", async (req, res) => {
    res.json(await getPracticePage(actorOf(res), idParam(req.params)));
  });

  router.patch(
    "/practices/:id",
    requireAuth,
    limit("write"),
    validate(PracticePatchInput, "body", async (patch, req, res) => {
      res.json({ practice: await updatePractice(requireActor(res), idParam(req.params), patch) });
    }),
  );

  router.get("/practices/:id/history", async (req, res) => {
    res.json({ revisions: await practiceHistory(actorOf(res), idParam(req.params)) });
  });

  router.post(
    "/threads/:id/promote",
    requireAuth,
    limit("write"),
    validate(PromoteInput, "body", async (input, req, res) => {
      res.json({ thread: await promoteToPractice(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get("/regions/:code", async (req, res) => {
    res.json(await getRegionPage(actorOf(res), parseOrThrow(RegionParams, req.params).code));
  });

  return router;
}
