import { Router } from "express";
import { RoomSlugParams } from "@rembuk/shared";
import { limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { loadVisibleRoom } from "../rooms/index.js";
import { markAllRead, markRoomRead } from "./readBaseline.js";

/**
 * "Mark all read": `POST /threads/read-all` (every room) and `POST /rooms/:slug/read` (one room the
 * reader may see). Both answer `{readAllAt}`; per-thread marks go through `POST /threads/:id/read`.
 */
export function readStateRouter(): Router {
  const router = Router();

  router.post("/threads/read-all", requireAuth, limit("write"), async (_req, res) => {
    const at = await markAllRead(requireActor(res));
    res.json({ readAllAt: at.toISOString() });
  });

  router.post("/rooms/:slug/read", requireAuth, limit("write"), async (req, res) => {
    const actor = requireActor(res);
    const room = await loadVisibleRoom(actor, { slug: parseOrThrow(RoomSlugParams, req.params).slug });
    const at = await markRoomRead(actor, room._id);
    res.json({ readAllAt: at.toISOString() });
  });

  return router;
}
