import { calculateObjectSize, type Document } from "bson";
import type { Query } from "mingo";
import { CommandError } from "../errors.js";
import { formatKeyValue, isPlainObject } from "./keys.js";
import { compileFilter } from "./mingo.js";

/**
 * Collection options as `create` takes them and `listCollections` reports them
 * (https://www.mongodb.com/docs/manual/reference/command/create/): capped collections,
 * document validation, and clustered collections with a TTL on `_id`.
 */
export interface CollectionRules {
  capped: { size: number; max: number } | null;
  validator: {
    query: Query;
    operator: string;
    level: "off" | "strict" | "moderate";
    action: "error" | "warn";
  } | null;
  /** Clustered collections only: documents whose `_id` date is this old expire. */
  expireAfterSeconds: number | null;
}

export const NO_RULES: CollectionRules = { capped: null, validator: null, expireAfterSeconds: null };

const CREATE_OPTIONS = new Set([
  "capped",
  "size",
  "max",
  "validator",
  "validationLevel",
  "validationAction",
  "expireAfterSeconds",
  "clusteredIndex",
]);

/** Options any command may carry, which are not collection options. */
const GENERIC = new Set([
  "$db",
  "lsid",
  "$clusterTime",
  "writeConcern",
  "comment",
  "$readPreference",
  "apiVersion",
  "apiStrict",
  "apiDeprecationErrors",
  "maxTimeMS",
]);

function positive(v: unknown, field: string): number {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw new CommandError("TypeMismatch", `'${field}' must be a number`);
  return n;
}

/** Checks `create`'s options and returns them as listCollections shows them. */
export function parseCreateOptions(cmd: Document): Document {
  const options: Document = {};
  for (const [k, v] of Object.entries(cmd)) {
    if (k === "create" || GENERIC.has(k)) continue;
    if (k === "timeseries" || k === "viewOn" || k === "pipeline" || k === "changeStreamPreAndPostImages") {
      throw new CommandError("InvalidOptions", `devdb does not support the collection option '${k}'`);
    }
    if (k === "collation" || k === "storageEngine" || k === "indexOptionDefaults" || k === "autoIndexId") {
      throw new CommandError("InvalidOptions", `devdb does not support the collection option '${k}'`);
    }
    if (!CREATE_OPTIONS.has(k)) {
      throw new CommandError("UnknownField", `BSON field 'create.${k}' is an unknown field.`);
    }
    options[k] = v;
  }
  if (options.capped === true) {
    if (options.size === undefined)
      throw new CommandError("InvalidOptions", "the 'size' field is required when 'capped' is true");
    options.size = positive(options.size, "size");
    if (options.max !== undefined) options.max = positive(options.max, "max");
  } else if (options.capped !== undefined && options.capped !== false) {
    throw new CommandError("TypeMismatch", "BSON field 'create.capped' is the wrong type, expected boolean");
  }
  if (options.clusteredIndex !== undefined) {
    const ci: unknown = options.clusteredIndex;
    if (!isPlainObject(ci) || formatKeyValue(ci.key) !== "{ _id: 1 }" || ci.unique !== true) {
      throw new CommandError(
        "InvalidIndexSpecificationOption",
        "The clusteredIndex option must be {key: {_id: 1}, unique: true}",
      );
    }
    options.clusteredIndex = {
      v: 2,
      key: { _id: 1 },
      name: typeof ci.name === "string" ? ci.name : "_id_",
      unique: true,
    };
    if (options.capped === true)
      throw new CommandError("InvalidOptions", "Clustered collections cannot be capped");
  }
  if (options.expireAfterSeconds !== undefined && options.clusteredIndex === undefined) {
    throw new CommandError(
      "InvalidOptions",
      "'expireAfterSeconds' is only supported on time-series collections or clustered collections",
    );
  }
  checkValidation(options);
  return options;
}

/** validator / validationLevel / validationAction: shared by `create` and `collMod`. */
export function checkValidation(options: Document): void {
  if (options.validator !== undefined && !isPlainObject(options.validator)) {
    throw new CommandError("TypeMismatch", "'validator' must be a document");
  }
  if (isPlainObject(options.validator)) compileFilter(options.validator); // refuses bad operators now
  if (
    options.validationLevel !== undefined &&
    !["off", "strict", "moderate"].includes(String(options.validationLevel))
  ) {
    throw new CommandError(
      "BadValue",
      `Enumeration value '${String(options.validationLevel)}' for field 'validationLevel' is not a valid value.`,
    );
  }
  if (
    options.validationAction !== undefined &&
    !["error", "warn"].includes(String(options.validationAction))
  ) {
    throw new CommandError(
      "BadValue",
      `Enumeration value '${String(options.validationAction)}' for field 'validationAction' is not a valid value.`,
    );
  }
  if (options.expireAfterSeconds !== undefined && options.expireAfterSeconds !== "off") {
    const n = positive(options.expireAfterSeconds, "expireAfterSeconds");
    if (n < 0)
      throw new CommandError(
        "InvalidOptions",
        "TTL index 'expireAfterSeconds' option cannot be less than 0.",
      );
  }
}

/** The behaviour stored options ask for. */
export function rulesOf(options: Document): CollectionRules {
  const validator =
    isPlainObject(options.validator) && Object.keys(options.validator).length > 0
      ? {
          query: compileFilter(options.validator),
          operator: Object.keys(options.validator)[0] ?? "$and",
          level: (options.validationLevel ?? "strict") as "off" | "strict" | "moderate",
          action: (options.validationAction ?? "error") as "error" | "warn",
        }
      : null;
  const ttl = options.expireAfterSeconds;
  return {
    // mongod caps at least 4096 bytes and rounds larger sizes up to a multiple of 256.
    capped:
      options.capped === true
        ? {
            size: Math.max(4096, Math.ceil(Number(options.size) / 256) * 256),
            max: options.max === undefined || Number(options.max) <= 0 ? Infinity : Number(options.max),
          }
        : null,
    validator,
    expireAfterSeconds: options.clusteredIndex && typeof ttl === "number" ? ttl : null,
  };
}

/**
 * Document validation on a write (https://www.mongodb.com/docs/manual/core/schema-validation/):
 * with action "error" a failing document is refused with code 121 DocumentValidationFailure;
 * "warn" lets it through. Level "moderate" leaves updates of already-invalid documents alone.
 */
export function validateWrite(rules: CollectionRules, next: Document, prev: Document | undefined): void {
  const v = rules.validator;
  if (!v || v.level === "off" || v.action === "warn") return;
  if (prev && v.level === "moderate" && !v.query.test(prev)) return;
  if (v.query.test(next)) return;
  throw new CommandError("DocumentValidationFailure", "Document failed validation", {
    errInfo: { failingDocumentId: next._id, details: { operatorName: v.operator } },
  });
}

export const docSize = (doc: Document): number => calculateObjectSize(doc);
