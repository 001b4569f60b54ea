import { z } from "zod";
import {
  AdoptionCreateCommand,
  AdoptionDto,
  AdoptionStepCommand,
  RegionRoomInput,
} from "../schemas/practices.js";
import { ObjectIdString } from "../schemas/common.js";
import { defineCommand } from "./define.js";

const AdoptionResult = z.object({ adoption: AdoptionDto });

/**
 * The replication ledger (DESIGN.md §5). Ledger writes are REST only: they are rare and no client
 * sent them over the socket. Region pages subscribe over the socket, the only way to get a room.
 */
export const adoptionCommands = {
  list: defineCommand({
    name: "adoptions.list",
    summary: "A practice's adoptions the reader may see",
    input: z.object({ threadId: ObjectIdString }),
    output: z.object({ adoptions: z.array(AdoptionDto) }),
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/practices/:threadId/adoptions" },
  }),
  create: defineCommand({
    name: "adoptions.create",
    summary: "Start adopting a practice in the caller's affiliation's name (409 while one is open)",
    input: AdoptionCreateCommand,
    output: AdoptionResult,
    errors: ["NOT_FOUND", "CONFLICT", "NOT_VERIFIED", "FORBIDDEN"],
    http: { method: "POST", path: "/practices/:threadId/adoptions", status: 201 },
  }),
  step: defineCommand({
    name: "adoptions.step",
    summary: "Move an adoption one step (its adopter only; 409 on an illegal step)",
    input: AdoptionStepCommand,
    output: AdoptionResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "ILLEGAL_TRANSITION", "NOT_VERIFIED"],
    http: { method: "PATCH", path: "/adoptions/:adoptionId" },
  }),
  joinRegion: defineCommand({
    name: "adoptions.joinRegion",
    summary: "Receive `adoption:changed` for the practices of a region and those adopted there",
    input: RegionRoomInput,
    output: RegionRoomInput,
    errors: ["NOT_FOUND"],
    socket: { event: "region:join", limit: "read" },
  }),
  leaveRegion: defineCommand({
    name: "adoptions.leaveRegion",
    summary: "Stop receiving a region's ledger events",
    input: RegionRoomInput,
    output: RegionRoomInput,
    socket: { event: "region:leave", limit: "read" },
  }),
} as const;
