import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiError, json, mockFetch } from "../test/http";
import { ApiError, errorFromResponse, isApiError, request } from "./api";

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

describe("api error parsing", () => {
  it("reads code, message and details from the error body", async () => {
    const err = await errorFromResponse(apiError(401, "INVALID_CREDENTIALS", "Wrong email or password"));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 401,
      code: "INVALID_CREDENTIALS",
      message: "Wrong email or password",
    });
  });

  it("takes the wait from details.retryAfterSeconds on 429", async () => {
    const err = await errorFromResponse(
      apiError(429, "RATE_LIMITED", "Slow down", { retryAfterSeconds: 119.2 }),
    );
    expect(err.code).toBe("RATE_LIMITED");
    expect(err.retryAfterSeconds).toBe(120);
  });

  it("falls back to the Retry-After header", async () => {
    const err = await errorFromResponse(
      json(429, { error: { code: "RATE_LIMITED", message: "x" } }, { "Retry-After": "30" }),
    );
    expect(err.retryAfterSeconds).toBe(30);
  });

  it("has no wait when the server gives none", async () => {
    const err = await errorFromResponse(apiError(429, "RATE_LIMITED"));
    expect(err.retryAfterSeconds).toBeNull();
  });

  it("derives a code from the status when the body is not an error envelope", async () => {
    const err = await errorFromResponse(
      new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    expect(err).toMatchObject({ status: 502, code: "INTERNAL" });
    const notFound = await errorFromResponse(new Response("", { status: 404 }));
    expect(notFound.code).toBe("NOT_FOUND");
  });

  it("maps an unknown server code to the status's code instead of trusting it", async () => {
    const err = await errorFromResponse(apiError(403, "SOMETHING_NEW"));
    expect(err.code).toBe("FORBIDDEN");
  });

  it("exposes field errors keyed by path, skipping non-field details", async () => {
    const err = await errorFromResponse(
      apiError(400, "VALIDATION", "Invalid", {
        email: ["Email is invalid"],
        "affiliation.name": "Too short",
        retryAfterSeconds: 5,
        empty: [],
      }),
    );
    expect(err.fieldErrors).toEqual({ email: "Email is invalid", "affiliation.name": "Too short" });
  });
});

describe("api requests", () => {
  const Thing = z.object({ thing: z.object({ id: z.string() }) });

  it("sends JSON with same-origin credentials under /api and parses the body", async () => {
    const spy = mockFetch({
      "POST /api/things": ({ body }) => json(201, { thing: { id: "1" }, echo: body }),
    });
    const res = await request("POST", "/things", Thing, { body: { a: 1 } });
    expect(res).toEqual({ thing: { id: "1" } });
    const init = spy.mock.calls[0]?.[1];
    expect(init?.credentials).toBe("same-origin");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe(JSON.stringify({ a: 1 }));
    expect(new Headers(init?.headers).get("Content-Type")).toBe("application/json");
  });

  it("drops empty query parameters", async () => {
    const spy = mockFetch({ "GET /api/users": () => json(200, { thing: { id: "x" } }) });
    await request("GET", "/users", Thing, { query: { query: "", cursor: undefined, limit: 30 } });
    expect(String(spy.mock.calls[0]?.[0])).toBe("/api/users?limit=30");
  });

  it("throws the parsed ApiError for an error status", async () => {
    mockFetch({ "POST /api/auth/login": () => apiError(401, "INVALID_CREDENTIALS") });
    const err = await caught(request("POST", "/auth/login", Thing, { body: {} }));
    expect(err.code).toBe("INVALID_CREDENTIALS");
  });

  it("reports a response that does not match the schema as BAD_RESPONSE", async () => {
    mockFetch({ "GET /api/things/1": () => json(200, { thing: { id: 1 } }) });
    const err = await caught(request("GET", "/things/1", Thing));
    expect(err.code).toBe("BAD_RESPONSE");
  });

  it("turns a failed fetch into a NETWORK error", async () => {
    mockFetch({
      "GET /api/things": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const err = await caught(request("GET", "/things", Thing));
    expect(err).toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("accepts 204 for requests that answer no body", async () => {
    mockFetch({ "POST /api/auth/logout": () => new Response(null, { status: 204 }) });
    await expect(request("POST", "/auth/logout", z.undefined())).resolves.toBeUndefined();
  });
});
