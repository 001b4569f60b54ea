import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { makeUser } from "../../test/fixtures";

const state = () => useStore.getState();

describe("session slice", () => {
  it("bootstraps a signed-in user from /auth/me and adopts their language", async () => {
    const user = makeUser({ locale: "en" });
    mockFetch({ "GET /api/auth/me": () => json(200, { user }) });
    await state().bootstrap();
    expect(state().sessionStatus).toBe("signedIn");
    expect(state().currentUserId).toBe(user.id);
    expect(state().usersById[user.id]?.email).toBe(user.email);
    expect(state().locale).toBe("en");
    // The cookie did not change, so the socket need not reconnect.
    expect(state().sessionEpoch).toBe(0);
  });

  it("treats 401 from /auth/me as a guest", async () => {
    mockFetch({ "GET /api/auth/me": () => apiError(401, "UNAUTHENTICATED") });
    await state().bootstrap();
    expect(state().sessionStatus).toBe("guest");
    expect(state().currentUserId).toBeNull();
  });

  it("checks the session only once even when asked twice at start", async () => {
    const spy = mockFetch({ "GET /api/auth/me": () => apiError(401, "UNAUTHENTICATED") });
    await Promise.all([state().bootstrap(), state().bootstrap()]);
    await state().bootstrap();
    expect(calls(spy)).toEqual(["GET /api/auth/me"]);
  });

  it("signs in on login, adopts the user's locale and bumps the session epoch", async () => {
    const user = makeUser({ locale: "en" });
    mockFetch({ "POST /api/auth/login": () => json(200, { user }) });
    await state().login({ email: "siti@banyuwangikab.go.id", password: "rahasia123" });
    expect(state()).toMatchObject({
      sessionStatus: "signedIn",
      currentUserId: user.id,
      locale: "en",
      sessionEpoch: 1,
    });
    expect(localStorage.getItem("rembuk.locale")).toBe("en");
  });

  it("keeps the language picked on the login page after signing in, and saves it to the profile", async () => {
    const user = makeUser({ locale: "id" });
    const spy = mockFetch({
      "POST /api/auth/login": () => json(200, { user }),
      [`PATCH /api/users/${user.id}`]: ({ body }) => json(200, { user: { ...user, ...(body as object) } }),
    });
    useStore.setState({ sessionStatus: "guest" });
    await state().setLocale("en");
    await state().login({ email: "siti@banyuwangikab.go.id", password: "rahasia123" });
    expect(state().locale).toBe("en");
    await vi.waitFor(() => expect(state().usersById[user.id]?.locale).toBe("en"));
    expect(calls(spy)).toContain(`PATCH /api/users/${user.id}`);
    expect(state().localeChosenAsGuest).toBeNull();
  });

  it("leaves the state untouched when login fails", async () => {
    mockFetch({ "POST /api/auth/login": () => apiError(401, "INVALID_CREDENTIALS") });
    useStore.setState({ sessionStatus: "guest" });
    await expect(state().login({ email: "a@b.id", password: "x" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    expect(state()).toMatchObject({
      sessionStatus: "guest",
      currentUserId: null,
      sessionEpoch: 0,
      usersById: {},
    });
  });

  it("keeps the visitor's language for a new account and saves it to the profile", async () => {
    const user = makeUser({ locale: "id" });
    const spy = mockFetch({
      "POST /api/auth/register": () => json(201, { user }),
      [`PATCH /api/users/${user.id}`]: ({ body }) => json(200, { user: { ...user, ...(body as object) } }),
    });
    state().internal_adoptLocale("en");
    await state().register({ email: "x@y.id", password: "rahasia123", name: "Siti" });
    expect(state().locale).toBe("en");
    await vi.waitFor(() => expect(calls(spy)).toContain(`PATCH /api/users/${user.id}`));
  });

  it("clears the session on logout and bumps the epoch", async () => {
    const user = makeUser();
    mockFetch({
      "POST /api/auth/login": () => json(200, { user }),
      "POST /api/auth/logout": () => new Response(null, { status: 204 }),
    });
    await state().login({ email: "a@b.id", password: "x" });
    await state().logout();
    expect(state()).toMatchObject({ sessionStatus: "guest", currentUserId: null, sessionEpoch: 2 });
  });

  it("keeps the session when logout fails on the network", async () => {
    const user = makeUser();
    mockFetch({
      "POST /api/auth/login": () => json(200, { user }),
      "POST /api/auth/logout": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await state().login({ email: "a@b.id", password: "x" });
    await expect(state().logout()).rejects.toMatchObject({ code: "NETWORK" });
    expect(state().currentUserId).toBe(user.id);
  });

  it("signs out with a toast when the server ends the session", async () => {
    const user = makeUser();
    mockFetch({ "POST /api/auth/login": () => json(200, { user }) });
    await state().login({ email: "a@b.id", password: "x" });
    state().internal_sessionEnded("suspended");
    expect(state().currentUserId).toBeNull();
    const toasts = state().toastOrder.map((id) => state().toastsById[id]);
    expect(toasts).toEqual([expect.objectContaining({ tone: "error", message: "auth.toast.suspended" })]);
  });

  it("ignores session:ended for a guest", () => {
    useStore.setState({ sessionStatus: "guest" });
    state().internal_sessionEnded("logout");
    expect(state().toastOrder).toEqual([]);
    expect(state().sessionEpoch).toBe(0);
  });
});
