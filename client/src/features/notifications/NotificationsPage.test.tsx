import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { NotificationsPage } from "./NotificationsPage";
import { id, makeNotification } from "./test/fixtures";

const ME = "64b000000000000000000001";

describe("NotificationsPage", () => {
  it("lists entries with their reason, loads more by cursor, filters unread and marks one read", async () => {
    useStore.setState({ sessionStatus: "signedIn", currentUserId: ME });
    const spy = mockFetch({
      "GET /api/notifications": ({ url }) => {
        if (url.searchParams.get("unread") === "true")
          return json(200, { notifications: [], unread: 0, nextCursor: null });
        return url.searchParams.get("cursor")
          ? json(200, {
              notifications: [
                makeNotification({
                  id: id(3),
                  kind: "question.dismissed",
                  detail: undefined,
                  title: "Rapat RPJMD",
                  reason: "Sudah dijawab di sesi lalu.",
                }),
              ],
              unread: 2,
              nextCursor: null,
            })
          : json(200, {
              notifications: [
                makeNotification({ id: id(1), count: 5 }),
                makeNotification({ id: id(2), readAt: "2026-03-14T09:00:00.000Z" }),
              ],
              unread: 2,
              nextCursor: "c1",
            });
      },
      "POST /api/notifications/read": () => json(200, { unread: 1 }),
    });
    renderRoute(<NotificationsPage />, { path: "/notifications" });
    expect(await screen.findByText("5 balasan baru di “Retribusi parkir digital”")).toBeInTheDocument();
    const ue = userEvent.setup();
    await ue.click(screen.getByTestId("notifications-more"));
    expect(await screen.findByText("Alasan: Sudah dijawab di sesi lalu.")).toBeInTheDocument();
    expect(screen.getAllByTestId("notification")).toHaveLength(3);
    expect(screen.queryByTestId("notifications-more")).toBeNull();

    await ue.click(screen.getAllByTestId("notification-mark-read")[0]);
    expect(bodyOf(spy, "POST /api/notifications/read")).toEqual({ ids: [id(1)] });
    await waitFor(() =>
      expect(screen.getAllByTestId("notification")[0]).toHaveAttribute("data-unread", "false"),
    );

    await ue.click(screen.getByRole("button", { name: "Belum dibaca" }));
    expect(await screen.findByText("Semua notifikasi sudah dibaca.")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/notifications?unread=1");
    expect(calls(spy).filter((c) => c === "GET /api/notifications")).toHaveLength(3);
  });
});
