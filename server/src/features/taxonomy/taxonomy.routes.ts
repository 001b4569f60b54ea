import { Router } from "express";
import { listRegions, regionsEtag } from "./taxonomy.service.js";

export function taxonomyRouter(): Router {
  const router = Router();

  /** Static reference data: browsers and proxies may cache it for a day and revalidate by ETag. */
  router.get("/taxonomy/regions", (req, res) => {
    res.set("Cache-Control", "public, max-age=86400");
    res.set("ETag", regionsEtag);
    if (req.get("if-none-match") === regionsEtag) {
      res.status(304).end();
      return;
    }
    res.json({ regions: listRegions() });
  });

  return router;
}
