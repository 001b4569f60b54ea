import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { reconnectSocket } from "../../lib/socket";
import { useStore } from "../../store";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { QaJoinPage } from "./QaJoinPage";
import { snapshot } from "./test/fixtures";

vi.mock("../../lib/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/socket")>()),
  reconnectSocket: vi.fn(),
}));

const session = (guests: "off" | "watch" | "participate" = "participate") => ({
  ...snapshot([]).session,
  guests,
});

function routes(
  guests: "off" | "watch" | "participate" = "participate",
  join = () => json(201, { participant: { id: "g1", name: "Rina" }, session: session(guests) }),
) {
  return mockFetch({
    "GET /api/qa/code/KP7M2X": () => json(200, { session: session(guests) }),
    "POST /api/qa/code/KP7M2X/join": join,
  });
}

describe("joining a Q&A session by code", () => {
  it("lets a visitor without an account join with a display name from the QR link, in one screen", async () => {
    const fetch = routes();
    renderRoute(<QaJoinPage />, { path: "/qa/code/:code", url: "/qa/code/kp7m2x" });
    expect(await screen.findByRole("heading", { name: "Tanya jawab Smart Kampung" })).toBeInTheDocument();
    // The code came with the link: only the name is asked for.
    expect(screen.queryByTestId("qa-join-code-input")).toBeNull();
    await userEvent.type(screen.getByTestId("qa-join-name"), "  Rina, Bappeda Sleman ");
    await userEvent.click(screen.getByTestId("qa-join-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/qa/s1"));
    expect(bodyOf(fetch, "POST /api/qa/code/KP7M2X/join")).toEqual({ name: "Rina, Bappeda Sleman" });
    // The guest cookie reaches the socket server only at a new handshake.
    expect(reconnectSocket).toHaveBeenCalled();
  });

  it("joins anonymously with the code typed on /qa", async () => {
    const fetch = routes();
    renderRoute(<QaJoinPage />, { path: "/qa", url: "/qa" });
    await userEvent.type(screen.getByTestId("qa-join-code-input"), "kp7m2x");
    await userEvent.click(screen.getByTestId("qa-join-anonymous"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/qa/s1"));
    expect(bodyOf(fetch, "POST /api/qa/code/KP7M2X/join")).toEqual({ anonymous: true });
  });

  it("tells a visitor when the session takes members only, and offers sign-in instead of joining", async () => {
    const fetch = routes("off");
    renderRoute(<QaJoinPage />, { path: "/qa/join/:code", url: "/qa/join/KP7M2X" });
    expect(await screen.findByTestId("qa-join-off")).toHaveTextContent("hanya untuk anggota");
    // Nothing promises "no account needed" here.
    expect(screen.queryByText(/Tanpa akun/)).toBeNull();
    expect(screen.queryByTestId("qa-join-submit")).toBeNull();
    expect(screen.getByTestId("qa-join-signin")).toHaveAttribute("href", "/login?next=%2Fqa%2Fjoin%2FKP7M2X");
    expect(calls(fetch)).not.toContain("POST /api/qa/code/KP7M2X/join");
  });

  it("explains a refusal by its code (blocked, ended, unknown code) and stays on the page", async () => {
    routes("participate", () => apiError(403, "BLOCKED"));
    useStore.getState().setLocale("en");
    renderRoute(<QaJoinPage />, { path: "/qa", url: "/qa" });
    await userEvent.type(screen.getByTestId("qa-join-code-input"), "KP7M2X");
    await userEvent.click(screen.getByTestId("qa-join-submit"));
    expect(await screen.findByTestId("qa-join-error")).toHaveTextContent(
      "You can no longer take part in this session.",
    );
    await userEvent.clear(screen.getByTestId("qa-join-code-input"));
    await userEvent.type(screen.getByTestId("qa-join-code-input"), "0000");
    await userEvent.click(screen.getByTestId("qa-join-submit"));
    expect(await screen.findByTestId("qa-join-error")).toHaveTextContent("Unknown code");
    expect(screen.getByTestId("location")).toHaveTextContent("/qa");
  });

  it("takes a signed-in member following the link straight into the session", async () => {
    const fetch = routes();
    useStore.setState({ currentUserId: "u9" });
    renderRoute(<QaJoinPage />, { path: "/qa/join/:code", url: "/qa/join/KP7M2X" });
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/qa/s1"));
    expect(bodyOf(fetch, "POST /api/qa/code/KP7M2X/join")).toEqual({});
  });
});
