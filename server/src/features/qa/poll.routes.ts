import { Router, type Request } from "express";
import { PollAnswerInput, PollCreateInput, PollStatusInput } from "@rembuk/shared";
import { unauthenticated } from "../../lib/errors.js";
import { idParam } from "../../lib/http/params.js";
import { limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { restCaller, sessionOfPoll, spend } from "./qa.caller.js";
import { answerPoll, createPoll, listPolls, setPollStatus } from "./poll.service.js";

const address = (req: Request) => req.ip ?? "unknown";

/** DESIGN.md §9 polls. Hosts and moderators create and run them; every participant (guests too) answers. */
export function pollRouter(): Router {
  const router = Router();

  router.post(
    "/qa/:id/polls",
    requireAuth,
    limit("write"),
    validate(PollCreateInput, "body", async (input, req, res) => {
      res.status(201).json({ poll: await createPoll(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get("/qa/:id/polls", async (req, res) => {
    const id = idParam(req.params);
    res.json({ polls: await listPolls(await restCaller(req, res, id), id) });
  });

  router.post(
    "/polls/:id/status",
    requireAuth,
    limit("write"),
    validate(PollStatusInput, "body", async (input, req, res) => {
      res.json({ poll: await setPollStatus(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.post(
    "/polls/:id/answers",
    validate(PollAnswerInput, "body", async (input, req, res) => {
      const id = idParam(req.params);
      const caller = await restCaller(req, res, await sessionOfPoll(id));
      if (!caller) throw unauthenticated();
      await spend("qaPoll", caller, address(req));
      res.json({ poll: await answerPoll(caller, id, input) });
    }),
  );

  return router;
}
