import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { QaSessionDto } from "@rembuk/shared";
import { json, apiError, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { QaHubPage } from "./QaHubPage";
import { snapshot } from "./test/fixtures";

vi.mock("../../lib/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/socket")>()),
  reconnectSocket: vi.fn(),
}));

const base = snapshot([]).session;
const session = (o: Partial<QaSessionDto>): QaSessionDto => ({ ...base, ...o });

const SESSIONS = [
  session({ id: "s1", title: "Smart Kampung langsung", status: "live" }),
  session({
    id: "s2",
    title: "Mal pelayanan publik",
    status: "scheduled",
    startsAt: "2026-12-10T02:00:00.000Z",
    joinCode: "MPP234",
  }),
  session({
    id: "s3",
    title: "Rujukan daring",
    status: "ended",
    endedAt: "2026-11-01T02:00:00.000Z",
    joinCode: "RJK567",
  }),
];

describe("Q&A hub", () => {
  it("lists live, upcoming and recently ended sessions across rooms", async () => {
    mockFetch({ "GET /api/qa": () => json(200, { sessions: SESSIONS }) });
    renderRoute(<QaHubPage />, { path: "/qa", url: "/qa" });
    expect(await screen.findByTestId("qa-hub-live")).toHaveTextContent("Smart Kampung langsung");
    expect(screen.getByTestId("qa-hub-scheduled")).toHaveTextContent("Mal pelayanan publik");
    expect(screen.getByTestId("qa-hub-ended")).toHaveTextContent("Rujukan daring");
    expect(within(screen.getByTestId("qa-hub-live")).getByRole("link")).toHaveAttribute("href", "/qa/s1");
  });

  it("joins by the code from the screen, and says when a code is unknown", async () => {
    mockFetch({
      "GET /api/qa": () => json(200, { sessions: [] }),
      "GET /api/qa/code/KP7M2X": () => json(200, { session: base }),
      "GET /api/qa/code/ZZZZZZ": () => apiError(404, "NOT_FOUND"),
      // The box is the guest-capable join form: a visitor joins by the code in one tap.
      "POST /api/qa/code/KP7M2X/join": () =>
        json(201, { participant: { id: "g1", name: "Tamu" }, session: base }),
      "POST /api/qa/code/ZZZZZZ/join": () => apiError(404, "NOT_FOUND"),
    });
    renderRoute(<QaHubPage />, { path: "/qa", url: "/qa" });
    const ui = userEvent.setup();
    expect(await screen.findByText("Tidak ada sesi yang sedang berlangsung.")).toBeInTheDocument();
    await ui.type(screen.getByTestId("qa-join-code-input"), "zzzzzz");
    await ui.click(screen.getByTestId("qa-join-submit"));
    expect(await screen.findByText("Kode tidak dikenal. Periksa lagi kode di layar.")).toBeInTheDocument();
    await ui.clear(screen.getByTestId("qa-join-code-input"));
    await ui.type(screen.getByTestId("qa-join-code-input"), "kp7m2x");
    await ui.click(screen.getByTestId("qa-join-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/qa/s1"));
  });
});
