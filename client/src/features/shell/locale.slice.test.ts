import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { bodyOf, calls, json, mockFetch } from "../../test/http";

const state = () => useStore.getState();

describe("locale slice", () => {
  it("defaults to Indonesian", () => {
    expect(state().locale).toBe("id");
  });

  it("persists a guest's choice locally without calling the server", async () => {
    const spy = mockFetch({});
    await state().setLocale("en");
    expect(state().locale).toBe("en");
    expect(localStorage.getItem("rembuk.locale")).toBe("en");
    expect(calls(spy)).toEqual([]);
  });

  it("saves a signed-in user's choice to their profile", async () => {
    const user = makeUser();
    useStore.setState({ currentUserId: user.id, sessionStatus: "signedIn", usersById: { [user.id]: user } });
    const spy = mockFetch({
      [`PATCH /api/users/${user.id}`]: () => json(200, { user: { ...user, locale: "en" } }),
    });
    await state().setLocale("en");
    expect(bodyOf(spy, `PATCH /api/users/${user.id}`)).toEqual({ locale: "en" });
    expect(state().usersById[user.id]?.locale).toBe("en");
  });

  it("keeps the new language even if saving it fails", async () => {
    const user = makeUser();
    useStore.setState({ currentUserId: user.id, sessionStatus: "signedIn", usersById: { [user.id]: user } });
    mockFetch({});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await state().setLocale("en");
    expect(state().locale).toBe("en");
    expect(warn).toHaveBeenCalled();
  });
});
