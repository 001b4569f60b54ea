import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { NotificationBell } from "./NotificationBell";
import { id, makeNotification, THREAD } from "./test/fixtures";

const ME = "64b000000000000000000001";
const signIn = () => useStore.setState({ sessionStatus: "signedIn", currentUserId: ME });

describe("NotificationBell", () => {
  it("shows the unread count in its name, counts live entries, and opens an entry as read", async () => {
    signIn();
    const spy = mockFetch({
      "GET /api/notifications/unread": () => json(200, { unread: 2 }),
      "GET /api/notifications": () =>
        json(200, {
          notifications: [
            makeNotification({ id: id(1) }),
            makeNotification({ id: id(2), readAt: "2026-03-14T09:00:00.000Z" }),
          ],
          unread: 3,
          nextCursor: null,
        }),
      "POST /api/notifications/read": () => json(200, { unread: 2 }),
    });
    renderRoute(<NotificationBell />, { path: "*", url: "/rooms" });
    const bell = await screen.findByRole("button", { name: "Notifikasi, 2 belum dibaca" });
    act(() => useStore.getState().internal_notificationCreated(makeNotification({ id: id(3) })));
    expect(bell).toHaveAccessibleName("Notifikasi, 3 belum dibaca");
    expect(screen.getByTestId("notification-count")).toHaveTextContent("3");

    const ue = userEvent.setup();
    await ue.click(bell);
    const panel = await screen.findByRole("region", { name: "Notifikasi" });
    const links = await within(panel).findAllByTestId("notification-link");
    expect(links[0]).toHaveTextContent("Andi Wicaksono membalas di utas Anda “Retribusi parkir digital”");
    await ue.click(links[0]);
    expect(screen.getByTestId("location")).toHaveTextContent(`/threads/${THREAD}`);
    expect(bodyOf(spy, "POST /api/notifications/read")).toEqual({ ids: [id(1)] });
    await waitFor(() => expect(bell).toHaveAccessibleName("Notifikasi, 2 belum dibaca"));
    expect(screen.queryByTestId("notification-panel")).toBeNull();
  });

  it("opens from the keyboard, Tab reaches the panel, Escape closes it and gives the focus back", async () => {
    signIn();
    mockFetch({
      "GET /api/notifications/unread": () => json(200, { unread: 0 }),
      "GET /api/notifications": () => json(200, { notifications: [], unread: 0, nextCursor: null }),
    });
    renderRoute(<NotificationBell />, { path: "*", url: "/" });
    const bell = await screen.findByRole("button", { name: "Notifikasi" });
    const ue = userEvent.setup();
    bell.focus();
    await ue.keyboard("{Enter}");
    expect(bell).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByTestId("notification-empty")).toHaveTextContent("Belum ada notifikasi");
    await ue.tab();
    expect(document.activeElement).toBe(screen.getByTestId("notification-see-all"));
    await ue.keyboard("{Escape}");
    expect(screen.queryByTestId("notification-panel")).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it("marks all read from the panel", async () => {
    signIn();
    const spy = mockFetch({
      "GET /api/notifications/unread": () => json(200, { unread: 1 }),
      "GET /api/notifications": () =>
        json(200, { notifications: [makeNotification()], unread: 1, nextCursor: null }),
      "POST /api/notifications/read": () => json(200, { unread: 0 }),
    });
    renderRoute(<NotificationBell />, { path: "*", url: "/" });
    const ue = userEvent.setup();
    await ue.click(await screen.findByRole("button", { name: "Notifikasi, 1 belum dibaca" }));
    await ue.click(await screen.findByRole("button", { name: "Tandai semua dibaca" }));
    expect(bodyOf(spy, "POST /api/notifications/read")).toEqual({ all: true });
    expect(screen.getByTestId("notification-bell")).toHaveAccessibleName("Notifikasi");
    expect(screen.getByTestId("notification")).toHaveAttribute("data-unread", "false");
  });

  it("is not there for a guest", () => {
    mockFetch({});
    renderRoute(<NotificationBell />);
    expect(screen.queryByTestId("notification-bell")).toBeNull();
  });
});
