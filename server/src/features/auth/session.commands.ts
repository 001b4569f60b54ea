import { sessionCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";

/** `session:ping`: who this socket is (the connection indicator, and a cheap round trip). */
export const sessionHandlers = [
  handle(sessionCommands.ping, async (_input, { actor }) => ({
    userId: actor?.id ?? null,
    at: new Date().toISOString(),
  })),
];
