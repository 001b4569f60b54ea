import type { Document } from "bson";
import { CommandError } from "../errors.js";
import type { FailPoints } from "./context.js";

/**
 * A command's `maxTimeMS` budget. Long loops call `tick()` (cheap: the clock is read once per
 * 512 calls) and `check()` between phases; either throws `MaxTimeMSExpired` (code 50) once the
 * budget is spent, as mongod's interrupt checks do.
 */
export class Deadline {
  private ticks = 0;

  private constructor(
    private readonly at: number,
    private readonly alwaysTimeOut: boolean,
  ) {}

  /** The command's deadline, or null when it has no (or a zero) `maxTimeMS`. */
  static of(cmd: Document, failPoints: FailPoints | null): Deadline | null {
    const raw: unknown = cmd.maxTimeMS;
    if (raw === undefined || raw === null) return null;
    const ms = typeof raw === "number" ? raw : typeof raw === "bigint" ? Number(raw) : Number.NaN;
    if (typeof raw === "object" && raw !== null && "toNumber" in raw) {
      return Deadline.fromMs((raw as { toNumber(): number }).toNumber(), failPoints);
    }
    return Deadline.fromMs(ms, failPoints);
  }

  private static fromMs(ms: number, failPoints: FailPoints | null): Deadline | null {
    if (!Number.isFinite(ms)) throw new CommandError("BadValue", "maxTimeMS must be a number");
    if (ms < 0 || ms > 2 ** 31 - 1 || !Number.isInteger(ms))
      throw new CommandError("BadValue", "maxTimeMS must be a non-negative 32-bit integer");
    if (ms === 0) return null;
    return new Deadline(performance.now() + ms, failPoints?.maxTimeAlwaysTimeOut ?? false);
  }

  check(): void {
    if (this.alwaysTimeOut || performance.now() > this.at) {
      throw new CommandError("MaxTimeMSExpired", "operation exceeded time limit");
    }
  }

  tick(): void {
    if ((++this.ticks & 511) === 0) this.check();
  }
}
