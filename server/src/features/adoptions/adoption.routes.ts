import { Router } from "express";
import { AdoptionCreateInput, AdoptionStepInput } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { advanceAdoption, createAdoption, listAdoptions } from "./adoption.service.js";

/** The replication ledger over REST; socket `adoption:create` / `adoption:update` call the same services. */
export function adoptionRouter(): Router {
  const router = Router();

  router.get("/practices/:id/adoptions", async (req, res) => {
    res.json({ adoptions: await listAdoptions(actorOf(res), idParam(req.params)) });
  });

  router.post(
    "/practices/:id/adoptions",
    requireAuth,
    limit("write"),
    validate(AdoptionCreateInput, "body", async (input, req, res) => {
      res.status(201).json({ adoption: await createAdoption(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.patch(
    "/adoptions/:id",
    requireAuth,
    limit("write"),
    validate(AdoptionStepInput, "body", async (input, req, res) => {
      res.json({ adoption: await advanceAdoption(requireActor(res), idParam(req.params), input) });
    }),
  );

  return router;
}
