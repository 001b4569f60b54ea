import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RoomDto, UserDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch, type Handler } from "../../test/http";
import { renderApp } from "../../test/render";

const ROOMS: RoomDto[] = [
  {
    id: "r1",
    slug: "pelayanan-publik",
    name: { id: "Inovasi Pelayanan Publik", en: "Public Service Innovation" },
    description: { id: "Praktik pelayanan", en: "Service practices" },
    visibility: "public",
    allowedAffiliations: [],
    moderators: [],
    slowModeSeconds: 0,
    preModerated: false,
    threadCount: 2,
    presenceCount: 0,
    lastActivityAt: "2026-01-10T08:00:00.000Z",
    createdAt: "2026-01-01T08:00:00.000Z",
    updatedAt: "2026-01-01T08:00:00.000Z",
  },
];

function server(user: UserDto | null, extra: Record<string, Handler> = {}) {
  return mockFetch({
    "GET /api/auth/me": () => (user ? json(200, { user }) : apiError(401, "UNAUTHENTICATED")),
    "GET /api/rooms": () => json(200, { rooms: ROOMS }),
    ...extra,
  });
}

describe("app shell", () => {
  it("switches the interface language and <html lang>", async () => {
    server(null);
    await renderApp("/");
    const ui = userEvent.setup();
    expect(await screen.findByTestId("nav-login")).toHaveTextContent("Masuk");
    expect(document.documentElement.lang).toBe("id");
    expect(screen.getByTestId("lang-id")).toHaveAttribute("aria-pressed", "true");

    await ui.click(screen.getByTestId("lang-en"));
    expect(screen.getByTestId("nav-login")).toHaveTextContent("Sign in");
    expect(screen.getAllByRole("link", { name: /Public Service Innovation/ }).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByTestId("lang-en")).toHaveAttribute("aria-pressed", "true");
    expect(localStorage.getItem("rembuk.locale")).toBe("en");
  });

  it("saves a signed-in user's language choice to their profile", async () => {
    const me = makeUser();
    const spy = server(me, {
      [`PATCH /api/users/${me.id}`]: ({ body }) => json(200, { user: { ...me, ...(body as object) } }),
    });
    await renderApp("/");
    await screen.findByTestId("user-menu");
    await userEvent.setup().click(screen.getByTestId("lang-en"));
    expect(bodyOf(spy, `PATCH /api/users/${me.id}`)).toEqual({ locale: "en" });
  });

  it("shows the connection state in words for every status", async () => {
    server(null);
    await renderApp("/");
    const indicator = screen.getByTestId("connection-status");
    act(() => useStore.getState().internal_setConnection("online"));
    expect(indicator).toHaveAttribute("data-status", "online");
    expect(indicator).toHaveTextContent("Daring");
    act(() => useStore.getState().internal_setConnection("reconnecting"));
    expect(indicator).toHaveTextContent("Menyambung ulang…");
    act(() => useStore.getState().internal_setConnection("offline"));
    expect(indicator).toHaveAttribute("data-status", "offline");
    expect(indicator).toHaveTextContent("Luring");
    expect(indicator).toHaveAttribute("role", "status");
  });

  it("lists rooms in the navigation and shows an empty state when there are none", async () => {
    server(null, { "GET /api/rooms": () => json(200, { rooms: [] }) });
    await renderApp("/");
    const nav = screen.getByRole("navigation", { name: "Ruang diskusi" });
    expect(await within(nav).findByText("Belum ada ruang diskusi.")).toBeInTheDocument();
  });

  it("keeps working when the rooms endpoint does not exist yet", async () => {
    server(null, { "GET /api/rooms": () => apiError(404, "NOT_FOUND") });
    await renderApp("/");
    expect(await screen.findByText("Ruang diskusi belum dapat dimuat")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toBeInTheDocument();
  });

  it("offers no admin link to a member", async () => {
    server(makeUser({ role: "member" }));
    await renderApp("/");
    await userEvent.setup().click(await screen.findByTestId("user-menu"));
    expect(screen.getByRole("link", { name: "Profil" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Kelola Pengguna" })).not.toBeInTheDocument();
  });

  it("offers the admin link to an admin", async () => {
    server(makeUser({ role: "admin" }));
    await renderApp("/");
    await userEvent.setup().click(await screen.findByTestId("user-menu"));
    expect(screen.getByRole("link", { name: "Kelola Pengguna" })).toHaveAttribute("href", "/admin/users");
  });

  it("logs out from the user menu and shows the guest links", async () => {
    const spy = server(makeUser(), { "POST /api/auth/logout": () => new Response(null, { status: 204 }) });
    await renderApp("/");
    const ui = userEvent.setup();
    await ui.click(await screen.findByTestId("user-menu"));
    await ui.click(screen.getByTestId("logout"));
    expect(await screen.findByTestId("nav-login")).toBeInTheDocument();
    expect(screen.queryByTestId("user-menu")).not.toBeInTheDocument();
    expect(calls(spy)).toContain("POST /api/auth/logout");
    expect(screen.getByTestId("toast")).toHaveTextContent("Anda telah keluar.");
  });

  it("sends a guest from a private page to the login page and remembers where they were going", async () => {
    server(null);
    await renderApp("/profile/edit");
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent("/login?next=%2Fprofile%2Fedit"),
    );
    expect(screen.getByTestId("login-submit")).toBeInTheDocument();
  });

  it("collapses the room navigation behind a labelled menu button", async () => {
    server(null);
    await renderApp("/");
    const toggle = screen.getByTestId("menu-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveAccessibleName("Buka menu navigasi");
    await userEvent.setup().click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveAccessibleName("Tutup menu navigasi");
    expect(document.getElementById(toggle.getAttribute("aria-controls") ?? "")).toHaveClass("sidebar--open");
  });

  it("links to the Q&A sessions from the navigation, in both languages", async () => {
    server(null);
    await renderApp("/");
    const nav = screen.getByTestId("room-nav");
    expect(within(nav).getByRole("link", { name: "Tanya Jawab" })).toHaveAttribute("href", "/qa");
    act(() => useStore.getState().internal_adoptLocale("en"));
    expect(within(nav).getByRole("link", { name: "Q&A" })).toHaveAttribute("href", "/qa");
  });

  it("has a skip link to the main content", async () => {
    server(null);
    await renderApp("/");
    const skip = screen.getByRole("link", { name: "Lewati ke konten utama" });
    await userEvent.setup().click(skip);
    expect(document.activeElement).toBe(screen.getByRole("main"));
  });
});
