import { z } from "zod";
import {
  effectiveAuth,
  effectiveLimit,
  objectShape,
  pathParams,
  type Command,
  ERROR_STATUS,
} from "@rembuk/shared";

/**
 * The published contract, generated from the command declarations (OpenAPI 3.1, whose schemas are
 * JSON Schema 2020-12, the dialect zod emits). Socket commands are listed under `x-socket-commands`
 * from the same declarations; nothing here is written by hand.
 */
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
  "x-socket-commands": Array<Record<string, unknown>>;
}

const ERROR_BODY = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "object" } },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  return out;
}

/** `/threads/:id/posts` → `/threads/{id}/posts`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
}

export function buildOpenApi(commands: readonly Command[], version: string): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const sockets: OpenApiDocument["x-socket-commands"] = [];
  for (const command of commands) {
    if (command.http) {
      const key = openApiPath(command.http.path);
      (paths[key] ??= {})[command.http.method.toLowerCase()] = operation(command);
    }
    if (command.socket) {
      sockets.push({
        event: command.socket.event,
        operationId: command.name,
        summary: command.summary,
        payload: jsonSchema(command.input, "input"),
        ack: command.socket.ack
          ? { field: command.socket.ack, of: jsonSchema(command.output, "output") }
          : jsonSchema(command.output, "output"),
      });
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rembuk API",
      version,
      description:
        "Generated from the command declarations in shared/src/commands. Errors are `{error:{code,message,details?}}`; socket acks are `{ok:true,data}` or `{ok:false,error}`. Prose: docs/api.md.",
    },
    servers: [{ url: "/api" }],
    paths,
    components: {
      schemas: { Error: ERROR_BODY },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "rembuk.sid" } },
    },
    "x-socket-commands": sockets,
  };
}

function operation(command: Command): Record<string, unknown> {
  const http = command.http!;
  const shape = objectShape(command.input) ?? {};
  const inPath = new Set(pathParams(http.path));
  const parameters: Array<Record<string, unknown>> = [];
  for (const name of inPath) {
    const schema = command.params?.[name] ?? shape[name]!;
    parameters.push({ name, in: "path", required: true, schema: jsonSchema(schema, "input") });
  }
  let requestBody: Record<string, unknown> | undefined;
  const rest = Object.keys(shape).filter((k) => !inPath.has(k));
  if (http.method === "GET") {
    for (const name of rest) {
      const field = shape[name]!;
      parameters.push({
        name,
        in: "query",
        required: !field.safeParse(undefined).success,
        schema: jsonSchema(field, "input"),
      });
    }
  } else if (rest.length > 0 || !objectShape(command.input)) {
    const body = objectShape(command.input) ? z.object(pick(shape, rest)) : command.input;
    requestBody = { required: true, content: { "application/json": { schema: jsonSchema(body, "input") } } };
  }
  const status = String(http.status ?? 200);
  const auth = effectiveAuth(command);
  const limit = effectiveLimit(command);
  const responses: Record<string, unknown> = {
    [status]: {
      description: "Success",
      content: { [http.contentType ?? "application/json"]: { schema: jsonSchema(command.output, "output") } },
    },
    "400": errorResponse("VALIDATION: bad input, with field errors in details"),
  };
  if (auth === "member") responses["401"] = errorResponse("UNAUTHENTICATED");
  if (limit) responses["429"] = errorResponse("RATE_LIMITED, with details.retryAfterSeconds");
  for (const code of command.errors ?? []) {
    const key = String(ERROR_STATUS[code]);
    const existing = responses[key] as { description: string } | undefined;
    responses[key] = errorResponse(existing ? `${existing.description}; ${code}` : code);
  }
  return {
    operationId: command.name,
    summary: command.summary,
    tags: [command.name.split(".")[0]],
    ...(auth === "member" ? { security: [{ session: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(limit ? { "x-rate-limit": limit } : {}),
    ...(command.socket ? { "x-socket-event": command.socket.event } : {}),
  };
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

function pick(shape: Record<string, z.ZodType>, keys: string[]): Record<string, z.ZodType> {
  return Object.fromEntries(keys.map((k) => [k, shape[k]!]));
}
