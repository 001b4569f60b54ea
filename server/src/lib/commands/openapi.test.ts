import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCommand } from "@rembuk/shared";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { buildOpenApi, openApiPath } from "./openapi.js";
import { apiRoutes } from "./routes.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

describe("the published contract", () => {
  it("documents every route the API serves (a route the document lacks fails here)", async () => {
    const res = await new Agent(server.url).get<Doc>("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(res.body.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = apiRoutes(server.app).map((r) => {
      const [method, path] = r.split(" ");
      return `${method} ${openApiPath(path!)}`;
    });
    expect(served.length).toBeGreaterThan(5);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it("renders a readable page at /api/docs", async () => {
    const res = await new Agent(server.url).get<string>("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.text).toContain("/threads/{threadId}/posts");
    expect(res.text).toContain("post:create");
  });

  it("puts path parameters in the path, GET inputs in the query and the rest of a write in the body", () => {
    const doc = buildOpenApi(
      [
        defineCommand({
          name: "things.list",
          summary: "List",
          input: z.object({ roomId: z.string(), limit: z.coerce.number().optional() }),
          output: z.object({ n: z.number() }),
          http: { method: "GET", path: "/rooms/:roomId/things" },
        }),
        defineCommand({
          name: "things.create",
          summary: "Create",
          input: z.object({ roomId: z.string(), title: z.string() }),
          output: z.object({ n: z.number() }),
          http: { method: "POST", path: "/rooms/:roomId/things", status: 201 },
          socket: { event: "thing:create" },
        }),
      ],
      "1.0.0",
    );
    const list = doc.paths["/rooms/{roomId}/things"]!.get as {
      parameters: Array<{ name: string; in: string; required: boolean }>;
    };
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: "roomId", in: "path", required: true }),
      expect.objectContaining({ name: "limit", in: "query", required: false }),
    ]);
    const create = doc.paths["/rooms/{roomId}/things"]!.post as {
      requestBody: { content: { "application/json": { schema: { properties: object } } } };
      responses: Record<string, unknown>;
    };
    expect(Object.keys(create.requestBody.content["application/json"].schema.properties)).toEqual(["title"]);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "429"]));
    expect(doc["x-socket-commands"]).toEqual([expect.objectContaining({ event: "thing:create" })]);
  });

  it("refuses a command whose path names a parameter its input lacks", () => {
    expect(() =>
      defineCommand({
        name: "bad.one",
        summary: "Bad",
        input: z.object({}),
        output: z.object({}),
        http: { method: "GET", path: "/bad/:id" },
      }),
    ).toThrow(/:id/);
  });
});
