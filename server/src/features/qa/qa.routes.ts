import { Router } from "express";
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
import { exportQuestionsCsv } from "./qa.export.js";
import { listSessions } from "./qa.list.js";
import {
  createSession,
  findSessionByCode,
  getSnapshot,
  listRoomSessions,
  setSessionStatus,
} from "./qaSession.service.js";
import { askQuestion, moderateQuestion } from "./question.service.js";
import { setVote } from "./vote.service.js";

const slugParam = (params: unknown) => parseOrThrow(z.object({ slug: RoomSlug }), params).slug;

/** DESIGN.md §5 Q&A endpoints, plus listings (per room, across rooms), join codes and the CSV export. Thin: parse, call, answer. */
export function qaRouter(): Router {
  const router = Router();

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
    res.json(await getSnapshot(actorOf(res), idParam(req.params)));
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
    requireAuth,
    limit("qaQuestion"),
    validate(QuestionCreateInput, "body", async (input, req, res) => {
      const { question, created } = await askQuestion(requireActor(res), idParam(req.params), input);
      res.status(created ? 201 : 200).json({ question });
    }),
  );

  router.post("/questions/:id/vote", requireAuth, limit("qaVote"), async (req, res) => {
    res.json({ question: await setVote(requireActor(res), idParam(req.params), true) });
  });

  router.delete("/questions/:id/vote", requireAuth, limit("qaVote"), async (req, res) => {
    res.json({ question: await setVote(requireActor(res), idParam(req.params), false) });
  });

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
