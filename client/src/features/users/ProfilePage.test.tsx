import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser, REGIONS } from "../../test/fixtures";
import userEvent from "@testing-library/user-event";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { ProfilePage } from "./ProfilePage";

const publicCopy = (u: ReturnType<typeof makeUser>) => {
  const { email: _e, locale: _l, suspendedUntil: _s, suspendReason: _r, ...rest } = u;
  return rest;
};

function renderProfile(id: string) {
  return renderRoute(<ProfilePage />, { path: "/users/:id", url: `/users/${id}` });
}

describe("ProfilePage", () => {
  it("shows name, title, region with its province, and the verified and role badges", async () => {
    const user = makeUser({
      verified: true,
      role: "moderator",
      affiliation: { kind: "region", code: "33.73" },
    });
    mockFetch({
      [`GET /api/users/${user.id}`]: () => json(200, { user: publicCopy(user) }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderProfile(user.id);
    expect(await screen.findByRole("heading", { level: 1, name: user.name })).toBeInTheDocument();
    expect(screen.getByText("Bupati Banyuwangi")).toBeInTheDocument();
    expect(await screen.findByText("Kota Salatiga, Jawa Tengah")).toBeInTheDocument();
    expect(screen.getByTestId("verified-badge")).toHaveTextContent("Terverifikasi");
    expect(screen.getByTestId("role-badge")).toHaveTextContent("Moderator");
    expect(screen.queryByTestId("profile-edit")).not.toBeInTheDocument();
    expect(screen.queryByText(user.email ?? "")).not.toBeInTheDocument();
  });

  it("shows an agency affiliation and no badges for an unverified member", async () => {
    const user = makeUser({ affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" } });
    mockFetch({ [`GET /api/users/${user.id}`]: () => json(200, { user: publicCopy(user) }) });
    renderProfile(user.id);
    expect(await screen.findByText("Lembaga Administrasi Negara")).toBeInTheDocument();
    expect(screen.queryByTestId("verified-badge")).not.toBeInTheDocument();
    expect(screen.getByTestId("unverified-badge")).toHaveTextContent("Belum terverifikasi");
    expect(screen.queryByTestId("role-badge")).not.toBeInTheDocument();
  });

  it("adds the email and the edit button on one's own profile", async () => {
    const user = makeUser({ affiliation: null });
    useStore.setState({ currentUserId: user.id, sessionStatus: "signedIn", usersById: { [user.id]: user } });
    mockFetch({ [`GET /api/users/${user.id}`]: () => json(200, { user: publicCopy(user) }) });
    renderProfile(user.id);
    expect(await screen.findByTestId("profile-edit")).toHaveAttribute("href", "/profile/edit");
    expect(screen.getByText(user.email ?? "")).toBeInTheDocument();
    expect(screen.getByText("Afiliasi belum diisi")).toBeInTheDocument();
    expect(screen.getByTestId("profile-verify")).toHaveAttribute("href", "/account#verification");
  });

  it("lets a moderator revoke a verified office from the profile, with a reason", async () => {
    const mod = makeUser({ id: "64b000000000000000000009", role: "moderator", verified: true });
    const user = makeUser({ verified: true, verification: { status: "verified" } });
    useStore.setState({ currentUserId: mod.id, sessionStatus: "signedIn", usersById: { [mod.id]: mod } });
    const spy = mockFetch({
      // What the server's policy gives a moderator on a member's profile.
      [`GET /api/users/${user.id}`]: () =>
        json(200, {
          user: {
            ...publicCopy(user),
            can: { verify: true, setRole: false, suspend: true, viewEmail: false },
          },
        }),
      [`DELETE /api/users/${user.id}/verification`]: () =>
        json(200, { user: publicCopy(makeUser({ verified: false, verification: { status: "none" } })) }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderProfile(user.id);
    await userEvent.click(await screen.findByTestId("profile-revoke"));
    await userEvent.type(screen.getByTestId("reason-input"), "Sudah tidak menjabat.");
    await userEvent.click(screen.getByTestId("reason-submit"));
    expect(await screen.findByTestId("unverified-badge")).toBeInTheDocument();
    expect(screen.queryByTestId("profile-revoke")).toBeNull();
    expect(bodyOf(spy, `DELETE /api/users/${user.id}/verification`)).toEqual({
      reason: "Sudah tidak menjabat.",
    });
  });

  it("says so when the user does not exist", async () => {
    mockFetch({ "GET /api/users/nope": () => apiError(404, "NOT_FOUND") });
    renderProfile("nope");
    expect(await screen.findByText("Pengguna tidak ditemukan")).toBeInTheDocument();
  });
});
