import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { renderRoute } from "../../test/render";
import { QaSessionPage } from "./QaSessionPage";
import { question, snapshot } from "./test/fixtures";

/** The page joins over the socket; here the join resolves with a prepared snapshot instead. */
function withSnapshot(snap: ReturnType<typeof snapshot>) {
  useStore.setState({
    joinQa: vi.fn(async () => useStore.getState().internal_qaSnapshot(snap)),
    leaveQa: vi.fn(),
    currentUserId: "u9",
  });
}

describe("Q&A session page", () => {
  it("shows a participant the open questions, their own pending one, and never a moderator control", async () => {
    withSnapshot(
      snapshot([
        question({ id: "q1", text: "Pertanyaan yang disetujui", votes: 3 }),
        question({
          id: "q2",
          text: "Pertanyaan saya yang menunggu",
          status: "pending",
          mine: true,
          anonymous: true,
          author: null,
        }),
      ]),
    );
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    expect(await screen.findByTestId("qa-title")).toHaveTextContent("Tanya jawab Smart Kampung");
    const mine = screen.getByTestId("qa-mine");
    expect(within(mine).getByText("Pertanyaan saya yang menunggu")).toBeInTheDocument();
    expect(within(mine).getByTestId("qa-pending-badge")).toHaveTextContent("Menunggu persetujuan");
    expect(within(mine).getByText("Anonim (Anda)")).toBeInTheDocument();
    expect(within(screen.getByTestId("qa-panel-questions")).getByTestId("qa-vote-count")).toHaveTextContent(
      "3",
    );
    // Its name starts with the visible count, so "3" said aloud finds it.
    expect(within(screen.getByTestId("qa-panel-questions")).getByTestId("qa-vote")).toHaveAccessibleName(
      "3 suara: Dukung pertanyaan ini",
    );
    expect(screen.queryByTestId("qa-approve")).toBeNull();
    expect(screen.queryByTestId("qa-tab-queue")).toBeNull();
  });

  it("gives moderators the queue with approve, and the dismissal dialog insists on a reason", async () => {
    withSnapshot(
      snapshot([question({ id: "q2", text: "Menunggu persetujuan moderator", status: "pending" })], true),
    );
    const moderate = vi.fn(async () => question({ id: "q2", status: "dismissed" }));
    useStore.setState({ moderateQuestion: moderate });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    await userEvent.click(await screen.findByTestId("qa-tab-queue"));
    const panel = screen.getByTestId("qa-panel-queue");
    expect(within(panel).getByTestId("qa-approve")).toBeInTheDocument();
    await userEvent.click(within(panel).getByTestId("qa-dismiss"));
    const submit = screen.getByTestId("qa-dismiss-dialog-submit");
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByTestId("qa-dismiss-dialog-input"), "Di luar topik sesi");
    await userEvent.click(submit);
    expect(moderate).toHaveBeenCalledWith("q2", { action: "dismiss", reason: "Di luar topik sesi" });
  });
});
