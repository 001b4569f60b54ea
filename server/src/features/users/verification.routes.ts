import { Router } from "express";
import {
  VerificationDecideInput,
  VerificationListQuery,
  VerificationRequestInput,
  VerificationRevokeInput,
} from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import {
  decideRequest,
  latestRequest,
  listRequests,
  requestVerification,
  revokeVerification,
} from "./verification.service.js";

/** DESIGN.md §9 verification endpoints. */
export function verificationRouter(): Router {
  const router = Router();

  router.post(
    "/users/:id/verification",
    requireAuth,
    limit("write"),
    validate(VerificationRequestInput, "body", async (input, req, res) => {
      res
        .status(201)
        .json({ request: await requestVerification(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get("/users/:id/verification", async (req, res) => {
    res.json({ request: await latestRequest(actorOf(res), idParam(req.params)) });
  });

  router.delete(
    "/users/:id/verification",
    requireAuth,
    limit("write"),
    validate(VerificationRevokeInput, "body", async (input, req, res) => {
      res.json({ user: await revokeVerification(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get(
    "/moderation/verifications",
    validate(VerificationListQuery, "query", async (query, _req, res) => {
      res.json({ requests: await listRequests(actorOf(res), query) });
    }),
  );

  router.post(
    "/verifications/:id/decide",
    requireAuth,
    limit("write"),
    validate(VerificationDecideInput, "body", async (input, req, res) => {
      res.json(await decideRequest(requireActor(res), idParam(req.params), input));
    }),
  );

  return router;
}
