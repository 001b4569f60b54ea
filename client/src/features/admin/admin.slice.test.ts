import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";

const state = () => useStore.getState();
const u1 = makeUser({ id: "a1".padEnd(24, "0"), name: "Ani" });
const u2 = makeUser({ id: "b2".padEnd(24, "0"), name: "Budi" });
const u3 = makeUser({ id: "c3".padEnd(24, "0"), name: "Cici" });

describe("admin slice", () => {
  it("loads a page into the normalised users map and keeps ids in order", async () => {
    const spy = mockFetch({ "GET /api/users": () => json(200, { users: [u1, u2], nextCursor: "next-1" }) });
    await state().loadAdminUsers("  ");
    expect(state().adminUsers).toMatchObject({ ids: [u1.id, u2.id], nextCursor: "next-1", status: "ready" });
    expect(state().usersById[u2.id]?.name).toBe("Budi");
    expect(String(spy.mock.calls[0]?.[0])).not.toContain("query=");
  });

  it("appends the next page without duplicates", async () => {
    mockFetch({
      "GET /api/users": ({ url }) =>
        url.searchParams.get("cursor") === "next-1"
          ? json(200, { users: [u2, u3], nextCursor: null })
          : json(200, { users: [u1, u2], nextCursor: "next-1" }),
    });
    await state().loadAdminUsers("");
    await state().loadMoreAdminUsers();
    expect(state().adminUsers.ids).toEqual([u1.id, u2.id, u3.id]);
    expect(state().adminUsers.nextCursor).toBeNull();
  });

  it("lets only the latest search write the list", async () => {
    let release: (() => void) | undefined;
    mockFetch({
      "GET /api/users": ({ url }) =>
        url.searchParams.get("query") === "an"
          ? new Promise<Response>((resolve) => {
              release = () => resolve(json(200, { users: [u1], nextCursor: null }));
            })
          : json(200, { users: [u3], nextCursor: null }),
    });
    const slow = state().loadAdminUsers("an");
    await state().loadAdminUsers("ci");
    release?.();
    await slow;
    expect(state().adminUsers).toMatchObject({ ids: [u3.id], query: "ci" });
  });

  it("records the error code when the list fails", async () => {
    mockFetch({ "GET /api/users": () => apiError(403, "FORBIDDEN") });
    await state().loadAdminUsers("");
    expect(state().adminUsers).toMatchObject({ status: "error", errorCode: "FORBIDDEN" });
  });

  it("changes a role and stores the server's copy", async () => {
    const spy = mockFetch({
      [`PATCH /api/users/${u1.id}`]: () => json(200, { user: { ...u1, role: "moderator" } }),
    });
    await state().setUserRole(u1.id, "moderator");
    expect(bodyOf(spy, `PATCH /api/users/${u1.id}`)).toEqual({ role: "moderator" });
    expect(state().usersById[u1.id]?.role).toBe("moderator");
  });

  it("leaves the user unchanged when verifying is refused", async () => {
    useStore.setState({ usersById: { [u1.id]: u1 } });
    mockFetch({ [`PATCH /api/users/${u1.id}`]: () => apiError(403, "FORBIDDEN") });
    await expect(state().setUserVerified(u1.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(state().usersById[u1.id]?.verified).toBe(false);
  });

  it("suspends and lifts, also when the server answers 204", async () => {
    useStore.setState({ usersById: { [u1.id]: u1 } });
    const until = "2030-01-01T00:00:00.000Z";
    const spy = mockFetch({
      [`POST /api/users/${u1.id}/suspend`]: () => new Response(null, { status: 204 }),
      [`DELETE /api/users/${u1.id}/suspend`]: () => json(200, { user: { ...u1, suspendedUntil: null } }),
    });
    await state().suspendUser(u1.id, { until, reason: "Spam berulang" });
    expect(bodyOf(spy, `POST /api/users/${u1.id}/suspend`)).toEqual({ until, reason: "Spam berulang" });
    expect(state().usersById[u1.id]).toMatchObject({ suspendedUntil: until, suspendReason: "Spam berulang" });
    await state().liftSuspension(u1.id);
    expect(state().usersById[u1.id]?.suspendedUntil).toBeNull();
  });
});
