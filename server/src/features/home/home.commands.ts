import { homeCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { homeFor } from "./home.service.js";

export const homeHandlers = [
  handle(homeCommands.get, async (_input, { member }) => ({ home: await homeFor(member()) })),
];
