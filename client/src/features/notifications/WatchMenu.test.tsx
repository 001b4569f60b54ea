import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { RoomWatch, ThreadWatch } from "./WatchControls";
import { makeThread } from "../posts/test/fixtures";

const ME = "64b000000000000000000001";

describe("watch menus", () => {
  it("shows the thread's level, offers the three with what each means, and saves a choice", async () => {
    useStore.setState({ sessionStatus: "signedIn", currentUserId: ME });
    const thread = makeThread({ watch: "watching" });
    const spy = mockFetch({
      [`PUT /api/threads/${thread.id}/watch`]: () => json(200, { watch: { level: "muted" } }),
    });
    renderRoute(<ThreadWatch thread={thread} />);
    const button = screen.getByRole("button", { name: "Notifikasi utas ini: Pantau" });
    const ue = userEvent.setup();
    await ue.click(button);
    const checked = screen.getByRole("menuitemradio", { checked: true });
    expect(checked).toHaveTextContent("PantauBeri tahu saya setiap tulisan baru.");
    expect(document.activeElement).toBe(checked);
    await ue.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toHaveTextContent("Bisukan");
    await ue.keyboard("{Enter}");
    expect(bodyOf(spy, `PUT /api/threads/${thread.id}/watch`)).toEqual({ level: "muted" });
    expect(screen.getByRole("button", { name: "Notifikasi utas ini: Bisukan" })).toHaveFocus();
    expect(await screen.findByText("Notifikasi: Bisukan")).toBeInTheDocument();
  });

  it("puts the old level back and says so when the server refuses; Escape closes without a change", async () => {
    useStore.setState({ sessionStatus: "signedIn", currentUserId: ME });
    mockFetch({ "PUT /api/rooms/ruang-a/watch": () => apiError(500, "INTERNAL") });
    renderRoute(<RoomWatch slug="ruang-a" />);
    const ue = userEvent.setup();
    await ue.click(screen.getByRole("button", { name: "Notifikasi ruang ini: Atur notifikasi" }));
    await ue.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    await ue.click(screen.getByRole("button", { name: "Notifikasi ruang ini: Atur notifikasi" }));
    await ue.click(screen.getByRole("menuitemradio", { name: /Pantau/ }));
    expect(await screen.findByText("Pilihan notifikasi tidak tersimpan. Coba lagi.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("room-watch")).toHaveAttribute("data-level", "unknown"));
  });

  it("is not offered to a guest", () => {
    mockFetch({});
    renderRoute(<ThreadWatch thread={makeThread({})} />);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
