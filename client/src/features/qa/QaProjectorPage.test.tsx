import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { renderRoute } from "../../test/render";
import { projectedPoll, QaProjectorPage } from "./QaProjectorPage";
import { poll, question, snapshot, type SnapshotOptions } from "./test/fixtures";

function project(snap: ReturnType<typeof snapshot>) {
  useStore.setState({
    joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
    leaveQa: vi.fn(),
  });
  renderRoute(<QaProjectorPage />, { path: "/qa/:id/projector", url: "/qa/s1/projector" });
}

function withSnapshot(opts: SnapshotOptions) {
  const snap = snapshot(
    [question({ id: "q1", text: "Kapan aplikasi desa bisa luring?", anonymous: true, author: null })],
    true,
    opts,
  );
  useStore.setState({
    joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
    leaveQa: vi.fn(),
  });
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

describe("projector", () => {
  it("shows the QR code of the join link and the code in large type", async () => {
    withSnapshot({});
    renderRoute(<QaProjectorPage />, { path: "/qa/:id/projector", url: "/qa/s1/projector" });
    const qr = await screen.findByTestId("qa-qr");
    expect(qr).toHaveAttribute("data-qr-text", `${window.location.origin}/qa/join/KP7M2X`);
    expect(qr).toHaveAccessibleName("Kode QR untuk bergabung ke sesi KP7M2X");
    expect(qr.querySelector("path")?.getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByTestId("qa-projector-code")).toHaveTextContent("KP7M2X");
  });

  it("shows the running poll's results only once the host shows them, live", async () => {
    withSnapshot({ polls: [poll({ results: { total: 2, counts: [2, 0, 0] } })] });
    renderRoute(<QaProjectorPage />, { path: "/qa/:id/projector", url: "/qa/s1/projector" });
    const panel = await screen.findByTestId("qa-projector-poll");
    expect(panel).toHaveTextContent("Kanal mana yang paling sering dipakai warga?");
    expect(within(panel).queryByTestId("poll-results")).toBeNull();
    expect(panel).toHaveTextContent("2 jawaban");
    useStore
      .getState()
      .internal_qaPoll(poll({ showResults: true, results: { total: 3, counts: [2, 1, 0] } }));
    expect(await within(panel).findByTestId("poll-results")).toHaveTextContent("67% · 2");
  });

  it("says the session ended and where its archive is", async () => {
    withSnapshot({ session: { status: "ended", archiveThreadId: "t9" } });
    renderRoute(<QaProjectorPage />, { path: "/qa/:id/projector", url: "/qa/s1/projector" });
    expect(await screen.findByTestId("qa-projector-ended")).toHaveTextContent("Sesi telah berakhir");
    expect(screen.getByTestId("qa-projector-archive")).toHaveAttribute("href", "/threads/t9");
    expect(screen.queryByTestId("qa-qr")).toBeNull();
  });

  it("projects the open poll first, else the latest closed one whose results are shown", () => {
    const open = poll({ id: "open" });
    const shown = poll({ id: "shown", status: "closed", showResults: true });
    const hidden = poll({ id: "hidden", status: "closed" });
    expect(projectedPoll([shown, open])?.id).toBe("open");
    expect(projectedPoll([hidden, shown])?.id).toBe("shown");
    expect(projectedPoll([hidden, poll({ status: "draft" })])).toBeUndefined();
  });
});
