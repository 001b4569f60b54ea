import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { renderRoute } from "../../test/render";
import { QaProjectorPage } from "./QaProjectorPage";
import { question, snapshot } from "./test/fixtures";

function project(snap: ReturnType<typeof snapshot>) {
  useStore.setState({
    joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
    leaveQa: vi.fn(),
  });
  renderRoute(<QaProjectorPage />, { path: "/qa/:id/projector", url: "/qa/s1/projector" });
}

describe("Q&A projector", () => {
  it("invites the room to join a live session and waits for the next question", async () => {
    project(snapshot([question({ id: "q1", text: "Pertanyaan pertama", votes: 2 })]));
    expect(await screen.findByText("Menunggu pertanyaan berikutnya…")).toBeInTheDocument();
    expect(screen.getByText("KP7M2X")).toBeInTheDocument();
  });

  it("says an ended session has ended, points to its archive, and invites no one to join", async () => {
    const snap = snapshot([question({ id: "q1", text: "Pertanyaan pertama", votes: 2 })]);
    snap.session = {
      ...snap.session,
      status: "ended",
      archiveThreadId: "a".repeat(24),
      endedAt: snap.session.createdAt,
    };
    project(snap);
    expect(await screen.findByTestId("qa-projector-ended")).toHaveTextContent("Sesi telah berakhir");
    expect(screen.getByTestId("qa-projector-archive")).toHaveAttribute("href", `/threads/${"a".repeat(24)}`);
    expect(screen.queryByText("Menunggu pertanyaan berikutnya…")).toBeNull();
    expect(screen.queryByText("KP7M2X")).toBeNull();
  });
});
