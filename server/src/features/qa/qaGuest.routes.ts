import { Router } from "express";
import {
  JoinCode,
  ObjectIdString,
  QaBlockInput,
  QaJoinByCodeInput,
  QaSessionPatchInput,
} from "@rembuk/shared";
import { z } from "zod";
import { notFound } from "../../lib/errors.js";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { consume } from "../../lib/rateLimit.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { claimGuest } from "./qa.claim.js";
import { clearGuestCookie, setGuestCookie } from "./qa.guestCookie.js";
import { guestRefs } from "./qa.caller.js";
import { joinByCode, listParticipants, setGuestBlocked } from "./qa.participants.js";
import { updateSession } from "./qaSession.service.js";

const participantParams = (params: unknown) =>
  parseOrThrow(z.object({ id: ObjectIdString, participantId: ObjectIdString }), params);

/** Issue 17: join by code (members and guests), session settings, claiming, blocking guests. */
export function guestRouter(): Router {
  const router = Router();

  router.post(
    "/qa/code/:code/join",
    validate(QaJoinByCodeInput, "body", async (input, req, res) => {
      const { code } = parseOrThrow(z.object({ code: JoinCode }), req.params);
      // Per address: joining is what a script would repeat to mint guests.
      await consume("qaJoin", `ip:${req.ip ?? "unknown"}`);
      const { participant, session, guest } = await joinByCode(actorOf(res), guestRefs(req), code, input);
      if (guest) setGuestCookie(res, guest);
      res.status(201).json({ participant, session });
    }),
  );

  router.patch(
    "/qa/:id",
    requireAuth,
    limit("write"),
    validate(QaSessionPatchInput, "body", async (input, req, res) => {
      res.json({ session: await updateSession(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.post("/qa/:id/claim", requireAuth, limit("write"), async (req, res) => {
    const id = idParam(req.params);
    const ref = guestRefs(req).find((r) => r.sessionId === id);
    if (!ref) throw notFound("Guest participation");
    const claimed = await claimGuest(requireActor(res), ref);
    clearGuestCookie(res, id);
    res.json({ claimed });
  });

  router.get("/qa/:id/participants", requireAuth, async (req, res) => {
    res.json({ participants: await listParticipants(requireActor(res), idParam(req.params)) });
  });

  router.post(
    "/qa/:id/participants/:participantId/block",
    requireAuth,
    limit("write"),
    validate(QaBlockInput, "body", async (input, req, res) => {
      const { id, participantId } = participantParams(req.params);
      res.json({ participant: await setGuestBlocked(requireActor(res), id, participantId, true, input) });
    }),
  );

  router.delete(
    "/qa/:id/participants/:participantId/block",
    requireAuth,
    limit("write"),
    async (req, res) => {
      const { id, participantId } = participantParams(req.params);
      res.json({ participant: await setGuestBlocked(requireActor(res), id, participantId, false) });
    },
  );

  return router;
}
