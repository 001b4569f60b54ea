import { AdoptionCreateCommand, AdoptionStepCommand, RegionRoomInput } from "@rembuk/shared";
import { notFound } from "../../lib/errors.js";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { isKnownRegion } from "../taxonomy/index.js";
import { advanceAdoption, createAdoption } from "./adoption.service.js";

/**
 * Ledger commands over the socket (the same services as REST, the same `write` budget) and the
 * region-page subscription. Region rooms carry only public ledger data, so any known code may be
 * joined; the server spells the room name, the client only names a code.
 */
export function registerAdoptionSocket(socket: IoSocket): void {
  socket.on(
    "adoption:create",
    defineHandler(socket, {
      schema: AdoptionCreateCommand,
      limit: "write",
      run: ({ input, actor }) => {
        const { threadId, ...rest } = input;
        return createAdoption(actor, threadId, rest);
      },
    }),
  );

  socket.on(
    "adoption:update",
    defineHandler(socket, {
      schema: AdoptionStepCommand,
      limit: "write",
      run: ({ input, actor }) => {
        const { adoptionId, ...rest } = input;
        return advanceAdoption(actor, adoptionId, rest);
      },
    }),
  );

  socket.on(
    "region:join",
    defineHandler(socket, {
      schema: RegionRoomInput,
      limit: "read",
      run: async ({ input }) => {
        if (!isKnownRegion(input.code)) throw notFound("Region");
        await socket.join(rooms.region(input.code));
        return { code: input.code };
      },
    }),
  );

  socket.on(
    "region:leave",
    defineHandler(socket, {
      schema: RegionRoomInput,
      limit: "read",
      run: async ({ input }) => {
        await socket.leave(rooms.region(input.code));
        return { code: input.code };
      },
    }),
  );
}
