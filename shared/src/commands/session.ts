import { z } from "zod";
import { SessionPingInput } from "../schemas/auth.js";
import { defineCommand } from "./define.js";

/** The socket's own session. */
export const sessionCommands = {
  ping: defineCommand({
    name: "session.ping",
    summary: "Who this socket is signed in as: a cheap round trip for the connection indicator",
    input: SessionPingInput,
    output: z.object({ userId: z.string().nullable(), at: z.string() }),
    socket: { event: "session:ping", limit: "read" },
  }),
} as const;
