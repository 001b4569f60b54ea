import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { json, mockFetch } from "../../test/http";

const state = () => useStore.getState();

describe("users slice", () => {
  it("merges a public copy without erasing private fields already known", () => {
    const self = makeUser();
    state().internal_receiveUsers([self]);
    const {
      email: _email,
      locale: _locale,
      suspendedUntil: _s,
      ...publicCopy
    } = { ...self, title: "Gubernur" };
    state().internal_receiveUsers([publicCopy]);
    expect(state().usersById[self.id]).toMatchObject({ title: "Gubernur", email: self.email, locale: "id" });
  });

  it("fetches a profile into the map", async () => {
    const user = makeUser({ email: undefined });
    mockFetch({ [`GET /api/users/${user.id}`]: () => json(200, { user }) });
    await state().fetchUser(user.id);
    expect(state().usersById[user.id]?.name).toBe(user.name);
  });

  it("adopts the locale saved on one's own profile", async () => {
    const user = makeUser();
    useStore.setState({ currentUserId: user.id, sessionStatus: "signedIn" });
    mockFetch({
      [`PATCH /api/users/${user.id}`]: () =>
        json(200, { user: { ...user, locale: "en", title: "Wali Kota" } }),
    });
    await state().updateProfile(user.id, { title: "Wali Kota" });
    expect(state().usersById[user.id]?.title).toBe("Wali Kota");
    expect(state().locale).toBe("en");
  });
});
