import { adoptionCommands } from "@rembuk/shared";
import { notFound } from "../../lib/errors.js";
import { handle, socketOf } from "../../lib/commands/handle.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { isKnownRegion } from "../taxonomy/index.js";
import { advanceAdoption, createAdoption, listAdoptions } from "./adoption.service.js";

/**
 * The ledger commands (shared/src/commands/adoptions.ts) bound to their services. Region rooms carry
 * only public ledger data, so any known code may be joined; the server spells the room name.
 */
export const adoptionHandlers = [
  handle(adoptionCommands.list, async ({ threadId }, { actor }) => ({
    adoptions: await listAdoptions(actor, threadId),
  })),
  handle(adoptionCommands.create, async ({ threadId, ...input }, { member }) => ({
    adoption: await createAdoption(member(), threadId, input),
  })),
  handle(adoptionCommands.step, async ({ adoptionId, ...input }, { member }) => ({
    adoption: await advanceAdoption(member(), adoptionId, input),
  })),
  handle(adoptionCommands.joinRegion, async ({ code }, { transport }) => {
    if (!isKnownRegion(code)) throw notFound("Region");
    await socketOf(transport).join(rooms.region(code));
    return { code };
  }),
  handle(adoptionCommands.leaveRegion, async ({ code }, { transport }) => {
    await socketOf(transport).leave(rooms.region(code));
    return { code };
  }),
];
