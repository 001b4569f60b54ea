import { Router } from "express";
import { QaAnalyticsQuery } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { analyticsRows, sessionAnalytics } from "./qa.analytics.js";
import { csvCell } from "../../lib/csv.js";

/** Host analytics (issue 17): JSON for the dashboard, CSV (headings in the session's language) to take away. */
export function analyticsRouter(): Router {
  const router = Router();

  router.get("/qa/:id/analytics", requireAuth, async (req, res) => {
    const { bucketMinutes } = parseOrThrow(QaAnalyticsQuery, req.query);
    res.json({ analytics: await sessionAnalytics(requireActor(res), idParam(req.params), bucketMinutes) });
  });

  router.get("/qa/:id/analytics.csv", requireAuth, async (req, res) => {
    const { bucketMinutes } = parseOrThrow(QaAnalyticsQuery, req.query);
    const analytics = await sessionAnalytics(requireActor(res), idParam(req.params), bucketMinutes);
    const csv =
      "\uFEFF" +
      analyticsRows(analytics)
        .map((r) => r.map(csvCell).join(","))
        .join("\r\n") +
      "\r\n";
    const name = analytics.locale === "en" ? "analytics" : "analitik";
    res.type("text/csv; charset=utf-8").attachment(`${name}-${analytics.sessionId}.csv`).send(csv);
  });

  return router;
}
