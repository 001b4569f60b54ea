import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineCommand } from "@rembuk/shared";
import { ApiError } from "./api";
import { commandUrl, send } from "./send";

const thing = defineCommand({
  name: "things.create",
  summary: "Create",
  input: z.object({ roomId: z.string(), title: z.string() }),
  output: z.object({ thing: z.object({ id: z.string() }) }),
  http: { method: "POST", path: "/rooms/:roomId/things", status: 201 },
});
const list = defineCommand({
  name: "things.list",
  summary: "List",
  input: z.object({ roomId: z.string(), q: z.string().optional() }),
  output: z.object({ n: z.number() }),
  http: { method: "GET", path: "/rooms/:roomId/things" },
});

function respond(status: number, body: unknown) {
  const fetchMock = vi.fn(async (..._args: unknown[]) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("send", () => {
  it("puts path parameters in the path and the rest of a write in the JSON body", async () => {
    const fetchMock = respond(201, { thing: { id: "t1" } });
    await expect(send(thing, { roomId: "a/b", title: "Halo" })).resolves.toEqual({ thing: { id: "t1" } });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/rooms/a%2Fb/things");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ title: "Halo" });
  });

  it("sends a GET's other inputs as the query string", async () => {
    const fetchMock = respond(200, { n: 2 });
    await send(list, { roomId: "r", q: "stunting" });
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/rooms/r/things?q=stunting");
  });

  it("throws one error type with the server's code and field errors", async () => {
    respond(400, { error: { code: "VALIDATION", message: "Invalid", details: { title: ["Too short"] } } });
    const err = await send(thing, { roomId: "r", title: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("VALIDATION");
    expect((err as ApiError).fieldErrors).toEqual({ title: "Too short" });
  });

  it("refuses a success body that does not match the command's output", async () => {
    respond(200, { n: "two" });
    await expect(send(list, { roomId: "r" })).rejects.toMatchObject({ code: "BAD_RESPONSE" });
  });
});

describe("commandUrl", () => {
  it("spells a GET command's address for a link: path parameters filled, the rest as a query", () => {
    expect(commandUrl(list, { roomId: "a b", q: "tani" })).toBe("/api/rooms/a%20b/things?q=tani");
    expect(commandUrl(list, { roomId: "r1" })).toBe("/api/rooms/r1/things");
  });
});
