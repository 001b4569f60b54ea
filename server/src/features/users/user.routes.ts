import { Router } from "express";
import { SuspendInput, UserListQuery, UserPatchInput } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { getUser, listUsers, suspendUser, unsuspendUser, updateUser } from "./user.service.js";

/** DESIGN.md §5 users endpoints. Thin: parse, call the service with the actor, answer its DTO. */
export function userRouter(): Router {
  const router = Router();

  router.get(
    "/users",
    validate(UserListQuery, "query", async (query, _req, res) => {
      res.json(await listUsers(actorOf(res), query));
    }),
  );

  router.get("/users/:id", async (req, res) => {
    res.json({ user: await getUser(actorOf(res), idParam(req.params)) });
  });

  router.patch(
    "/users/:id",
    requireAuth,
    limit("write"),
    validate(UserPatchInput, "body", async (patch, req, res) => {
      res.json({ user: await updateUser(requireActor(res), idParam(req.params), patch) });
    }),
  );

  router.post(
    "/users/:id/suspend",
    requireAuth,
    limit("write"),
    validate(SuspendInput, "body", async (input, req, res) => {
      res.json({ user: await suspendUser(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.delete("/users/:id/suspend", requireAuth, limit("write"), async (req, res) => {
    res.json({ user: await unsuspendUser(requireActor(res), idParam(req.params)) });
  });

  return router;
}
