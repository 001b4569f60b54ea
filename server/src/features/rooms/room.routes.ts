import { Router } from "express";
import { RoomCreateInput, RoomSlugParams, RoomUpdateInput } from "@rembuk/shared";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { createRoom, getRoom, listRooms, updateRoom } from "./room.service.js";

const slugParam = (params: unknown) => parseOrThrow(RoomSlugParams, params).slug;

/** `GET /rooms`, `POST /rooms`, `GET /rooms/:slug`, `PATCH /rooms/:slug` (DESIGN.md §5). */
export function roomRouter(): Router {
  const router = Router();

  router.get("/rooms", async (_req, res) => {
    res.json({ rooms: await listRooms(actorOf(res)) });
  });

  router.post(
    "/rooms",
    requireAuth,
    limit("write"),
    validate(RoomCreateInput, "body", async (input, _req, res) => {
      res.status(201).json({ room: await createRoom(requireActor(res), input) });
    }),
  );

  router.get("/rooms/:slug", async (req, res) => {
    res.json({ room: await getRoom(actorOf(res), slugParam(req.params)) });
  });

  router.patch(
    "/rooms/:slug",
    requireAuth,
    limit("write"),
    validate(RoomUpdateInput, "body", async (patch, req, res) => {
      res.json({ room: await updateRoom(requireActor(res), slugParam(req.params), patch) });
    }),
  );

  return router;
}
