import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { NotificationSettingsSection } from "./NotificationSettingsSection";

describe("NotificationSettingsSection", () => {
  it("shows the saved choices (weekly digest by default) and saves a change", async () => {
    useStore.setState({ sessionStatus: "signedIn", currentUserId: "64b000000000000000000001" });
    const spy = mockFetch({
      "GET /api/notifications/settings": () =>
        json(200, { settings: { email: { mentions: true, digest: "weekly" } } }),
      "PATCH /api/notifications/settings": () =>
        json(200, { settings: { email: { mentions: false, digest: "daily" } } }),
    });
    renderRoute(<NotificationSettingsSection />, { path: "/account/notifications" });
    const weekly = await screen.findByRole("radio", { name: "Mingguan" });
    expect(weekly).toBeChecked();
    const ue = userEvent.setup();
    await ue.click(screen.getByRole("checkbox", { name: /Email untuk sebutan dan balasan langsung/ }));
    await ue.click(screen.getByRole("radio", { name: "Harian" }));
    await ue.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
    expect(await screen.findByText("Pengaturan notifikasi tersimpan.")).toBeInTheDocument();
    expect(bodyOf(spy, "PATCH /api/notifications/settings")).toEqual({
      email: { mentions: false, digest: "daily" },
    });
  });

  it("says when saving failed and keeps the choices", async () => {
    mockFetch({
      "GET /api/notifications/settings": () =>
        json(200, { settings: { email: { mentions: true, digest: "weekly" } } }),
      "PATCH /api/notifications/settings": () => apiError(500, "INTERNAL"),
    });
    renderRoute(<NotificationSettingsSection />);
    const ue = userEvent.setup();
    await ue.click(await screen.findByRole("radio", { name: "Tidak usah" }));
    await ue.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Tidak usah" })).toBeChecked();
    expect(screen.queryByText("Pengaturan notifikasi tersimpan.")).toBeNull();
  });
});
