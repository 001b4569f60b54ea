import { Router } from "express";
import { OutboxListQuery } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { listOutbox, retryMail } from "./mail.service.js";

/** The admins' outbox ("Kotak keluar"). */
export function mailRouter(): Router {
  const router = Router();
  router.get(
    "/admin/outbox",
    validate(OutboxListQuery, "query", async (query, _req, res) => {
      res.json(await listOutbox(actorOf(res), query));
    }),
  );
  router.post("/admin/outbox/:id/retry", requireAuth, limit("write"), async (req, res) => {
    res.json({ message: await retryMail(actorOf(res), idParam(req.params)) });
  });
  return router;
}
