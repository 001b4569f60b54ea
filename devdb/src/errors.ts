import type { Document } from "bson";
import { formatKeyValue } from "./storage/keys.js";

export const Codes = {
  InternalError: [1, "InternalError"],
  BadValue: [2, "BadValue"],
  FailedToParse: [9, "FailedToParse"],
  Unauthorized: [13, "Unauthorized"],
  TypeMismatch: [14, "TypeMismatch"],
  ProtocolError: [17, "ProtocolError"],
  AuthenticationFailed: [18, "AuthenticationFailed"],
  IllegalOperation: [20, "IllegalOperation"],
  InvalidBSON: [22, "InvalidBSON"],
  NamespaceNotFound: [26, "NamespaceNotFound"],
  IndexNotFound: [27, "IndexNotFound"],
  ConflictingUpdateOperators: [40, "ConflictingUpdateOperators"],
  CursorNotFound: [43, "CursorNotFound"],
  MaxTimeMSExpired: [50, "MaxTimeMSExpired"],
  NamespaceExists: [48, "NamespaceExists"],
  InvalidIdField: [53, "InvalidIdField"],
  CommandNotFound: [59, "CommandNotFound"],
  ImmutableField: [66, "ImmutableField"],
  CannotCreateIndex: [67, "CannotCreateIndex"],
  InvalidOptions: [72, "InvalidOptions"],
  InvalidNamespace: [73, "InvalidNamespace"],
  IndexOptionsConflict: [85, "IndexOptionsConflict"],
  IndexKeySpecsConflict: [86, "IndexKeySpecsConflict"],
  InvalidIndexSpecificationOption: [197, "InvalidIndexSpecificationOption"],
  MechanismUnavailable: [334, "MechanismUnavailable"],
  PathNotViable: [28, "PathNotViable"],
  BSONObjectTooLarge: [10334, "BSONObjectTooLarge"],
  UnrecognizedPipelineStage: [40324, "Location40324"],
  UnknownField: [40415, "Location40415"],
  InvalidPipelineOperator: [168, "InvalidPipelineOperator"],
  UnknownGroupOperator: [15952, "Location15952"],
  DocumentValidationFailure: [121, "DocumentValidationFailure"],
  DuplicateKey: [11000, "DuplicateKey"],
} as const satisfies Record<string, readonly [number, string]>;

export type CodeName = keyof typeof Codes;

/** An error that becomes an `{ok: 0}` reply (or a writeErrors entry) carrying MongoDB's code. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly extra: Document;

  constructor(name: CodeName, message: string, extra: Document = {}) {
    super(message);
    [this.code, this.codeName] = Codes[name];
    this.extra = extra;
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export function duplicateKeyError(
  ns: string,
  indexName: string,
  keyPattern: Document,
  keyValue: Document,
): CommandError {
  const shown = Object.keys(keyValue)
    .map((k) => `${k}: ${formatKeyValue(keyValue[k])}`)
    .join(", ");
  return new CommandError(
    "DuplicateKey",
    `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${shown} }`,
    { keyPattern, keyValue },
  );
}

/**
 * mingo's refusals of unknown operators and stages, reworded and coded as mongod reports them
 * (query operators: 2 BadValue; pipeline stages: 40324).
 */
const MINGO_ERRORS: [RegExp, (op: string) => CommandError][] = [
  [/^unknown query operator (\$\w+)/, (op) => new CommandError("BadValue", `unknown operator: ${op}`)],
  [
    /^unknown top level operator: (\$\w+)/,
    (op) =>
      new CommandError(
        "BadValue",
        `unknown top level operator: ${op}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`,
      ),
  ],
  [
    /^unregistered pipeline operator (\$\w+)/,
    (op) => new CommandError("UnrecognizedPipelineStage", `Unrecognized pipeline stage name: '${op}'`),
  ],
];

/** Errors thrown by mingo or elsewhere become BadValue replies rather than crashes. */
export function asCommandError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const message = err instanceof Error ? err.message : String(err);
  for (const [re, make] of MINGO_ERRORS) {
    const m = re.exec(message);
    if (m) return make(m[1]);
  }
  return new CommandError("BadValue", message);
}
