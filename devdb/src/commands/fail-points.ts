import { CommandError } from "../errors.js";
import type { CommandHandler } from "./context.js";

/**
 * `configureFailPoint`, which mongod offers only with `enableTestCommands`; devdb likewise only
 * with its `enableTestCommands` option. The one fail point is `maxTimeAlwaysTimeOut`, the switch
 * MongoDB's own tests use to make `maxTimeMS` expire deterministically.
 */
export const configureFailPoint: CommandHandler = (cmd, ctx) => {
  const points = ctx.failPoints;
  if (!points) throw new CommandError("CommandNotFound", "no such command: 'configureFailPoint'");
  if (ctx.db !== "admin") {
    throw new CommandError("Unauthorized", "configureFailPoint may only be run against the admin database.");
  }
  const name: unknown = cmd.configureFailPoint;
  if (name !== "maxTimeAlwaysTimeOut") {
    throw new CommandError("BadValue", `Failed to find fail point ${String(name)}`);
  }
  const mode: unknown = cmd.mode;
  if (mode !== "alwaysOn" && mode !== "off") {
    throw new CommandError("BadValue", "devdb supports the fail point modes 'alwaysOn' and 'off'");
  }
  const count = points.maxTimeAlwaysTimeOut ? 1 : 0;
  points.maxTimeAlwaysTimeOut = mode === "alwaysOn";
  return { count, ok: 1 };
};
