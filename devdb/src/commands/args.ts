import { Long, type Document } from "bson";
import { CommandError } from "../errors.js";
import { isPlainObject } from "../storage/keys.js";

export function collectionArg(cmd: Document, name: string): string {
  const v: unknown = cmd[name];
  if (typeof v !== "string" || v.length === 0) {
    throw new CommandError("InvalidNamespace", `collection name has invalid type ${typeof v}`);
  }
  return v;
}

export function docArg(cmd: Document, name: string, required = false): Document | undefined {
  const v: unknown = cmd[name];
  if (v === undefined || v === null) {
    if (required)
      throw new CommandError("FailedToParse", `BSON field '${name}' is missing but a required field`);
    return undefined;
  }
  if (!isPlainObject(v))
    throw new CommandError("TypeMismatch", `BSON field '${name}' is the wrong type, expected object`);
  return v;
}

export function arrayArg(cmd: Document, name: string): Document[] {
  const v: unknown = cmd[name];
  if (!Array.isArray(v)) throw new CommandError("FailedToParse", `BSON field '${name}' must be an array`);
  return v as Document[];
}

export function numberArg(cmd: Document, name: string): number | undefined {
  const v: unknown = cmd[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (v instanceof Long) return v.toNumber();
  if (typeof v === "bigint") return Number(v);
  throw new CommandError("TypeMismatch", `BSON field '${name}' is the wrong type, expected a number`);
}

export function boolArg(cmd: Document, name: string, dflt: boolean): boolean {
  const v: unknown = cmd[name];
  if (v === undefined || v === null) return dflt;
  return Boolean(v);
}

export function longArg(v: unknown): Long {
  if (v instanceof Long) return v;
  if (typeof v === "number") return Long.fromNumber(v);
  if (typeof v === "bigint") return Long.fromBigInt(v);
  throw new CommandError("TypeMismatch", "cursor id must be a 64-bit integer");
}
