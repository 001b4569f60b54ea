import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { QaSessionPage } from "./QaSessionPage";
import { snapshot } from "./test/fixtures";

describe("guests on the session page", () => {
  it("offers a visitor who has not joined the join screen (guests allowed) or sign-in (members only)", async () => {
    const join = vi.fn(async () =>
      useStore
        .getState()
        .internal_qaSnapshot(
          snapshot([], false, { viewer: { signedIn: false, canAsk: false, canVote: false } }),
        ),
    );
    useStore.setState({ joinQa: join, leaveQa: vi.fn(), currentUserId: null });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    expect(await screen.findByTestId("qa-guest-join")).toHaveAttribute("href", "/qa/join/KP7M2X");
    useStore.getState().internal_qaSession({ ...snapshot([]).session, guests: "off" });
    expect(await screen.findByText("Masuk untuk bertanya dan memberi suara.")).toBeInTheDocument();
  });

  it("sends a guest to sign in and claims their questions when they come back", async () => {
    const fetch = mockFetch({ "POST /api/qa/s1/claim": () => json(200, { claimed: 2 }) });
    const join = vi.fn(async () => useStore.getState().internal_qaSnapshot(snapshot([])));
    useStore.setState({ joinQa: join, leaveQa: vi.fn(), currentUserId: "u9" });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1?claim=1" });
    expect(await screen.findByText("Pertanyaan yang kini tersimpan di akun Anda: 2.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/^\/qa\/s1$/));
    expect(calls(fetch)).toEqual(["POST /api/qa/s1/claim"]);
    // The snapshot is taken after the claim, so it already lists the questions as the member's.
    await waitFor(() => expect(join).toHaveBeenCalledWith("s1"));
  });

  it("shows a guest who they are and links sign-in back to a claim", async () => {
    const snap = snapshot([], false, { viewer: { signedIn: false, guest: { id: "g1", name: null } } });
    useStore.setState({
      joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
      leaveQa: vi.fn(),
      currentUserId: null,
    });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    expect(await screen.findByTestId("qa-guest-banner")).toHaveTextContent(
      "Anda ikut sebagai tamu tanpa nama",
    );
    expect(screen.getByTestId("qa-guest-claim")).toHaveAttribute(
      "href",
      "/login?next=%2Fqa%2Fs1%3Fclaim%3D1",
    );
  });

  it("lists the participants for the host, and unblocks a blocked guest", async () => {
    const at = "2026-11-20T02:00:00.000Z";
    const blocked = { id: "g1", name: "Budi", guest: true, blocked: true, joinedAt: at, questions: 2 };
    const fetch = mockFetch({
      "GET /api/qa/s1/participants": () =>
        json(200, {
          participants: [
            { id: "u1", name: "Sri Wahyuni", guest: false, blocked: false, joinedAt: at, questions: 1 },
            blocked,
          ],
        }),
      "DELETE /api/qa/s1/participants/g1/block": () =>
        json(200, { participant: { ...blocked, blocked: false } }),
    });
    const snap = snapshot([], true);
    useStore.setState({
      joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
      leaveQa: vi.fn(),
      currentUserId: "h1",
    });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    await userEvent.click(await screen.findByTestId("qa-participants-open"));
    const rows = await screen.findAllByTestId("qa-participant");
    expect(rows.map((r) => r.textContent)).toEqual([
      "Sri WahyuniAnggotaPertanyaan: 1",
      "BudiTamuDiblokirPertanyaan: 2Buka blokir",
    ]);
    // Members cannot be blocked from here; guests can.
    expect(within(rows[0] as HTMLElement).queryByRole("button")).toBeNull();
    await userEvent.click(within(rows[1] as HTMLElement).getByTestId("qa-participant-unblock"));
    await waitFor(() =>
      expect(within(rows[1] as HTMLElement).getByTestId("qa-participant-block")).toBeInTheDocument(),
    );
    expect(calls(fetch)).toContain("DELETE /api/qa/s1/participants/g1/block");
  });
});
