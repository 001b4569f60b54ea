import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { UserDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser, REGIONS } from "../../test/fixtures";
import { bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { AdminUsersPage } from "./AdminUsersPage";

const admin = makeUser({ id: "ad".padEnd(24, "0"), name: "Admin Rembuk", role: "admin" });
const member = makeUser({
  id: "me".padEnd(24, "0"),
  name: "Joko Widodo",
  title: "Wali Kota",
  affiliation: { kind: "region", code: "33.73" },
});

function signIn(user: UserDto) {
  useStore.setState({ sessionStatus: "signedIn", currentUserId: user.id, usersById: { [user.id]: user } });
}

function renderAdmin() {
  return renderRoute(<AdminUsersPage />, { path: "/admin/users" });
}

describe("AdminUsersPage", () => {
  it("is closed to non-admins and asks the server for nothing", () => {
    signIn(member);
    const spy = mockFetch({});
    renderAdmin();
    expect(screen.getByTestId("admin-forbidden")).toHaveTextContent("Khusus admin");
    expect(screen.queryByTestId("admin-user-row")).not.toBeInTheDocument();
    expect(calls(spy)).toEqual([]);
  });

  it("lists users with their affiliation and changes a role", async () => {
    signIn(admin);
    const spy = mockFetch({
      "GET /api/users": () => json(200, { users: [admin, member], nextCursor: null }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
      [`PATCH /api/users/${member.id}`]: ({ body }) =>
        json(200, { user: { ...member, ...(body as object) } }),
    });
    renderAdmin();
    const rows = await screen.findAllByTestId("admin-user-row");
    expect(rows).toHaveLength(2);
    const row = rows[1];
    if (!row) throw new Error("row missing");
    expect(within(row).getByRole("link", { name: "Joko Widodo" })).toHaveAttribute(
      "href",
      `/users/${member.id}`,
    );
    expect(await within(row).findByText("Kota Salatiga, Jawa Tengah")).toBeInTheDocument();

    // An admin cannot demote or suspend themself.
    const ownRow = rows[0];
    if (!ownRow) throw new Error("row missing");
    expect(within(ownRow).getByTestId("admin-role-select")).toBeDisabled();
    expect(within(ownRow).getByTestId("admin-suspend")).toBeDisabled();

    await userEvent.setup().selectOptions(within(row).getByTestId("admin-role-select"), "moderator");
    expect(bodyOf(spy, `PATCH /api/users/${member.id}`)).toEqual({ role: "moderator" });
    expect(await screen.findByTestId("toast")).toHaveTextContent("Peran Joko Widodo kini Moderator.");
  });

  it("verifies a user with the switch", async () => {
    signIn(admin);
    const spy = mockFetch({
      "GET /api/users": () => json(200, { users: [member], nextCursor: null }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
      [`PATCH /api/users/${member.id}`]: ({ body }) =>
        json(200, { user: { ...member, ...(body as object) } }),
    });
    renderAdmin();
    const toggle = await screen.findByRole("switch", { name: "Tandai Joko Widodo terverifikasi" });
    await userEvent.setup().click(toggle);
    expect(bodyOf(spy, `PATCH /api/users/${member.id}`)).toEqual({ verified: true });
    await waitFor(() => expect(toggle).toBeChecked());
    expect(screen.getByTestId("admin-user-row")).toHaveTextContent("Terverifikasi");
    expect(await screen.findByTestId("toast")).toHaveTextContent("Joko Widodo ditandai terverifikasi.");
  });

  it("suspends through a dialog that requires a reason", async () => {
    signIn(admin);
    const spy = mockFetch({
      "GET /api/users": () => json(200, { users: [member], nextCursor: null }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
      [`POST /api/users/${member.id}/suspend`]: ({ body }) =>
        json(200, {
          user: {
            ...member,
            suspendedUntil: (body as { until: string }).until,
            suspendReason: "Promosi berulang",
          },
        }),
    });
    renderAdmin();
    const ui = userEvent.setup();
    await ui.click(await screen.findByRole("button", { name: "Tangguhkan Joko Widodo" }));
    const dialog = screen.getByRole("dialog", { name: "Tangguhkan Joko Widodo" });
    await ui.click(within(dialog).getByTestId("suspend-submit"));
    expect(within(dialog).getByTestId("suspend-reason-error")).toHaveTextContent("Wajib diisi.");
    expect(calls(spy)).not.toContain(`POST /api/users/${member.id}/suspend`);

    await ui.click(within(dialog).getByTestId("suspend-days-30"));
    await ui.type(within(dialog).getByTestId("suspend-reason"), "Promosi berulang");
    await ui.click(within(dialog).getByTestId("suspend-submit"));
    const sent = bodyOf(spy, `POST /api/users/${member.id}/suspend`);
    expect(sent).toMatchObject({ reason: "Promosi berulang" });
    const until = new Date((sent as { until: string }).until).getTime();
    expect(until - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(await screen.findByTestId("admin-unsuspend")).toBeInTheDocument();
  });

  it("searches as the admin types", async () => {
    signIn(admin);
    const spy = mockFetch({
      "GET /api/users": ({ url }) =>
        json(200, {
          users: url.searchParams.get("query") === "joko" ? [member] : [admin, member],
          nextCursor: null,
        }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderAdmin();
    expect(await screen.findAllByTestId("admin-user-row")).toHaveLength(2);
    await userEvent.setup().type(screen.getByTestId("admin-search"), "joko");
    await vi.waitFor(() => expect(screen.getAllByTestId("admin-user-row")).toHaveLength(1));
    expect(spy.mock.calls.some(([input]) => String(input).includes("query=joko"))).toBe(true);
  });
});
