import { createHash } from "node:crypto";
import { Router } from "express";
import { SECTORS } from "./sectors.js";

const sectorsEtag = `"${createHash("sha1").update(JSON.stringify(SECTORS)).digest("base64url").slice(0, 20)}"`;

/** `GET /taxonomy/sectors`: the urusan pemerintahan list, cacheable like the region list. */
export function sectorsRouter(): Router {
  const router = Router();
  router.get("/taxonomy/sectors", (req, res) => {
    res.set("Cache-Control", "public, max-age=86400");
    res.set("ETag", sectorsEtag);
    if (req.get("if-none-match") === sectorsEtag) {
      res.status(304).end();
      return;
    }
    res.json({ sectors: SECTORS });
  });
  return router;
}
