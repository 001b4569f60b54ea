import { Router, type Request, type Response } from "express";
import {
  JoinCode,
  QaListQuery,
  QaSessionCreateInput,
  QaStatusInput,
  QuestionCreateInput,
  QuestionModerateInput,
  RoomSlug,
} from "@rembuk/shared";
import { z } from "zod";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { unauthenticated } from "../../lib/errors.js";
import { exportQuestionsCsv } from "./qa.export.js";
import { listSessions } from "./qa.list.js";
import { restCaller, sessionOfQuestion, spend } from "./qa.caller.js";
import { guestRouter } from "./qaGuest.routes.js";
import { pollRouter } from "./poll.routes.js";
import { analyticsRouter } from "./qa.analytics.routes.js";
import {
  createSession,
  findSessionByCode,
  getSnapshot,
  listRoomSessions,
  setSessionStatus,
} from "./qaSession.service.js";
import { askQuestion, moderateQuestion } from "./question.service.js";
import { setVote } from "./vote.service.js";

const address = (req: Request) => req.ip ?? "unknown";

const slugParam = (params: unknown) => parseOrThrow(z.object({ slug: RoomSlug }), params).slug;

/**
 * DESIGN.md §5 Q&A endpoints, plus listings (per room, across rooms), join codes and the CSV export.
 * Thin: parse, call, answer. Routes a guest participant may use resolve the caller for the command's
 * session (qa.caller) and spend budgets per device and address; the rest stay member-only (a guest
 * cookie is no sign-in).
 */
export function qaRouter(): Router {
  const router = Router();
  router.use(guestRouter(), pollRouter(), analyticsRouter());

  router.get(
    "/qa",
    validate(QaListQuery, "query", async (query, _req, res) => {
      res.json({ sessions: await listSessions(actorOf(res), query) });
    }),
  );

  router.get("/rooms/:slug/qa", async (req, res) => {
    res.json({ sessions: await listRoomSessions(actorOf(res), slugParam(req.params)) });
  });

  router.post(
    "/rooms/:slug/qa",
    requireAuth,
    limit("write"),
    validate(QaSessionCreateInput, "body", async (input, req, res) => {
      res.status(201).json({ session: await createSession(requireActor(res), slugParam(req.params), input) });
    }),
  );

  router.get("/qa/code/:code", async (req, res) => {
    const { code } = parseOrThrow(z.object({ code: JoinCode }), req.params);
    res.json({ session: await findSessionByCode(actorOf(res), code) });
  });

  router.get("/qa/:id", async (req, res) => {
    const id = idParam(req.params);
    res.json(await getSnapshot(await restCaller(req, res, id), id));
  });

  router.get("/qa/:id/export.csv", requireAuth, async (req, res) => {
    const { filename, csv } = await exportQuestionsCsv(requireActor(res), idParam(req.params));
    res.type("text/csv; charset=utf-8").attachment(filename).send(csv);
  });

  router.post(
    "/qa/:id/status",
    requireAuth,
    limit("write"),
    validate(QaStatusInput, "body", async (input, req, res) => {
      res.json({ session: await setSessionStatus(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.post(
    "/qa/:id/questions",
    validate(QuestionCreateInput, "body", async (input, req, res) => {
      const id = idParam(req.params);
      const caller = await restCaller(req, res, id);
      if (!caller) throw unauthenticated();
      await spend("qaQuestion", caller, address(req));
      const { question, created } = await askQuestion(caller, id, input);
      res.status(created ? 201 : 200).json({ question });
    }),
  );

  const vote = (up: boolean) => async (req: Request, res: Response) => {
    const id = idParam(req.params);
    const caller = await restCaller(req, res, await sessionOfQuestion(id));
    if (!caller) throw unauthenticated();
    await spend("qaVote", caller, address(req));
    res.json({ question: await setVote(caller, id, up) });
  };
  router.post("/questions/:id/vote", vote(true));
  router.delete("/questions/:id/vote", vote(false));

  router.post(
    "/questions/:id/moderate",
    requireAuth,
    limit("write"),
    validate(QuestionModerateInput, "body", async (input, req, res) => {
      res.json({ question: await moderateQuestion(requireActor(res), idParam(req.params), input) });
    }),
  );

  return router;
}
