import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { PollResults, percent, wordSize } from "./PollResults";
import { pollsOf } from "./polls.slice";
import { QaSessionPage } from "./QaSessionPage";
import { poll, question, snapshot, type SnapshotOptions } from "./test/fixtures";

const state = () => useStore.getState();

function withSnapshot(canModerate: boolean, opts: SnapshotOptions, signedIn = true) {
  const snap = snapshot(
    [question({ id: "q1", text: "Pertanyaan untuk didukung", votes: 2 })],
    canModerate,
    opts,
  );
  useStore.setState({
    joinQa: vi.fn(async () => state().internal_qaSnapshot(snap)),
    leaveQa: vi.fn(),
    currentUserId: signedIn ? "u9" : null,
  });
}

describe("polls in the store", () => {
  it("keeps the viewer's own answer when a broadcast (which never carries it) updates the poll", () => {
    state().internal_qaSnapshot(snapshot([], false, { polls: [poll({ myAnswer: { choices: [1] } })] }));
    state().internal_qaPoll(poll({ showResults: true, results: { total: 3, counts: [1, 2, 0] } }));
    expect(state().qaPollsBySession.s1?.p1).toMatchObject({
      myAnswer: { choices: [1] },
      results: { total: 3 },
    });
    // Polls of sessions this tab does not follow are ignored; malformed ones too.
    state().internal_qaPoll(poll({ id: "p9", sessionId: "other" }));
    state().internal_qaPoll({ id: "p8" });
    expect(Object.keys(state().qaPollsBySession)).toEqual(["s1"]);
  });

  it("answers over REST while the socket is down and keeps the saved answer", async () => {
    state().internal_qaSnapshot(snapshot([], false, { polls: [poll()] }));
    const fetch = mockFetch({
      "POST /api/polls/p1/answers": () =>
        json(200, { poll: poll({ myAnswer: { choices: [2] }, showResults: false }) }),
    });
    await state().answerPoll(poll(), { choices: [2] });
    expect(bodyOf(fetch, "POST /api/polls/p1/answers")).toEqual({ choices: [2] });
    expect(state().qaPollsBySession.s1?.p1?.myAnswer).toEqual({ choices: [2] });
  });

  it("lists a session's polls newest first, the same array until something changes", () => {
    state().internal_qaSnapshot(
      snapshot([], false, {
        polls: [
          poll({ id: "a", createdAt: "2026-11-20T02:00:00.000Z" }),
          poll({ id: "b", createdAt: "2026-11-20T03:00:00.000Z" }),
        ],
      }),
    );
    const first = pollsOf("s1")(state());
    expect(first.map((p) => p.id)).toEqual(["b", "a"]);
    expect(pollsOf("s1")(state())).toBe(first);
  });
});

describe("poll results", () => {
  it("rounds shares and scales the word cloud from the rarest to the most frequent word", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(wordSize(1, 10)).toBe(0.9);
    expect(wordSize(10, 10)).toBe(2.6);
    expect(wordSize(1, 1)).toBe(2.6);
  });

  it("shows bars for choices (the viewer's own marked), the average for ratings, a cloud for words", () => {
    const { rerender } = render(
      <PollResults poll={poll({ myAnswer: { choices: [1] } })} results={{ total: 4, counts: [1, 3, 0] }} />,
    );
    const bars = screen.getAllByTestId("poll-bar");
    expect(bars.map((b) => b.textContent)).toEqual([
      "WhatsApp25% · 1",
      "Aplikasi desa75% · 3",
      "Datang langsung0% · 0",
    ]);
    expect(bars[1]).toHaveClass("poll-bar--mine");
    rerender(
      <PollResults
        poll={poll({ kind: "rating", options: [] })}
        results={{ total: 2, counts: [0, 0, 0, 1, 1], average: 4.5 }}
      />,
    );
    expect(screen.getByTestId("poll-average")).toHaveTextContent("Rata-rata 4,5 dari 5");
    rerender(
      <PollResults
        poll={poll({ kind: "words", options: [] })}
        results={{
          total: 5,
          words: [
            { word: "air bersih", count: 3 },
            { word: "jalan", count: 1 },
          ],
        }}
      />,
    );
    expect(within(screen.getByTestId("poll-cloud")).getByText("air bersih")).toHaveStyle({
      fontSize: "2.6em",
    });
    expect(screen.getByTestId("poll-total")).toHaveTextContent("5 jawaban");
  });
});

describe("polls on the session page", () => {
  it("lets a guest answer an open poll, change the answer, and see results once shown", async () => {
    withSnapshot(
      false,
      { viewer: { signedIn: false, guest: { id: "g1", name: "Rina" } }, polls: [poll()] },
      false,
    );
    const answerPoll = vi.fn(async (p: ReturnType<typeof poll>, answer: { choices?: number[] }) =>
      state().internal_qaPoll({ ...p, myAnswer: answer }),
    );
    useStore.setState({ answerPoll });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    expect(await screen.findByTestId("qa-guest-banner")).toHaveTextContent("Anda ikut sebagai tamu: Rina");
    const card = screen.getByTestId("poll-card");
    expect(within(card).getByText("Hasil akan ditampilkan oleh tuan rumah.")).toBeInTheDocument();
    await userEvent.click(within(card).getAllByTestId("poll-option")[1]);
    await userEvent.click(within(card).getByTestId("poll-submit"));
    expect(answerPoll).toHaveBeenCalledWith(expect.objectContaining({ id: "p1" }), { choices: [1] });
    expect(await within(card).findByTestId("poll-my-answer")).toHaveTextContent(
      "Jawaban Anda: Aplikasi desa",
    );
    await userEvent.click(within(card).getByTestId("poll-change"));
    await userEvent.click(within(card).getAllByTestId("poll-option")[2]);
    await userEvent.click(within(card).getByTestId("poll-submit"));
    expect(answerPoll).toHaveBeenLastCalledWith(expect.objectContaining({ id: "p1" }), { choices: [2] });
    // The host shows the results: a broadcast (no myAnswer) brings them live.
    state().internal_qaPoll(poll({ showResults: true, results: { total: 10, counts: [5, 2, 3] } }));
    expect(await within(card).findByTestId("poll-results")).toHaveTextContent("10 jawaban");
    expect(within(card).getByTestId("poll-my-answer")).toHaveTextContent("Datang langsung");
  });

  it("lets a watch-only guest see everything but ask, vote or answer nothing", async () => {
    withSnapshot(
      false,
      {
        viewer: { signedIn: false, canAsk: false, canVote: false, guest: { id: "g1", name: null } },
        session: { guests: "watch" },
        polls: [poll()],
      },
      false,
    );
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    expect(await screen.findByTestId("qa-guest-banner")).toHaveTextContent("tamu tanpa nama");
    expect(screen.getByTestId("qa-guest-banner")).toHaveTextContent("menonton saja");
    expect(screen.queryByTestId("qa-ask-form")).toBeNull();
    expect(screen.getByTestId("qa-vote")).toBeDisabled();
    expect(screen.queryByTestId("poll-submit")).toBeNull();
    expect(screen.getByTestId("poll-card")).toHaveTextContent("Tamu hanya dapat melihat");
  });

  it("after the session ended shows a poll left open as closed, with no answer form", async () => {
    withSnapshot(false, {
      session: { status: "ended" },
      polls: [poll({ showResults: true, results: { total: 1, counts: [1, 0, 0] } })],
    });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    const card = await screen.findByTestId("poll-card");
    expect(card).toHaveTextContent("Ditutup");
    expect(within(card).queryByTestId("poll-submit")).toBeNull();
    expect(screen.queryByTestId("qa-polls")).toBeNull();
    expect(screen.getByTestId("qa-polls-closed")).toContainElement(card);
  });

  it("takes a rating with the stars and a word-cloud answer as words", async () => {
    withSnapshot(false, {
      polls: [
        poll({ id: "r", kind: "rating", options: [], question: "Seberapa berguna sesi ini?" }),
        poll({
          id: "w",
          kind: "words",
          options: [],
          question: "Satu kata untuk layanan desa?",
          createdAt: "2026-11-20T02:00:00.000Z",
        }),
      ],
    });
    const answerPoll = vi.fn(async () => undefined);
    useStore.setState({ answerPoll });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    const [rating, words] = await screen.findAllByTestId("poll-card");
    await userEvent.click(within(rating).getByTestId("poll-rating-4"));
    expect(within(rating).getByTestId("poll-rating-4")).toHaveAttribute("aria-checked", "true");
    await userEvent.click(within(rating).getByTestId("poll-submit"));
    expect(answerPoll).toHaveBeenCalledWith(expect.objectContaining({ id: "r" }), { rating: 4 });
    expect(within(words).getByTestId("poll-submit")).toBeDisabled();
    await userEvent.type(within(words).getByTestId("poll-words"), " air bersih ");
    await userEvent.click(within(words).getByTestId("poll-submit"));
    expect(answerPoll).toHaveBeenLastCalledWith(expect.objectContaining({ id: "w" }), {
      words: "air bersih",
    });
  });

  it("lets a moderator block the guest who asked, after confirming", async () => {
    const guestQuestion = question({
      id: "q7",
      text: "Pertanyaan dari tamu",
      author: { id: "g7", name: "", title: "", affiliation: null, verified: false, guest: true },
    });
    useStore.setState({
      joinQa: vi.fn(async () => state().internal_qaSnapshot(snapshot([guestQuestion], true))),
      leaveQa: vi.fn(),
      currentUserId: "u9",
    });
    const fetch = mockFetch({
      "POST /api/qa/s1/participants/g7/block": () =>
        json(200, {
          participant: {
            id: "g7",
            name: null,
            guest: true,
            blocked: true,
            joinedAt: "2026-11-20T02:00:00.000Z",
            questions: 1,
          },
        }),
    });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    const card = (await screen.findAllByTestId("qa-question")).find((el) =>
      el.textContent?.includes("Pertanyaan dari tamu"),
    );
    if (!card) throw new Error("guest question not shown");
    // A guest who joined without a name is shown as "Tamu".
    expect(within(card).getByText("Tamu")).toBeInTheDocument();
    await userEvent.click(within(card).getByTestId("qa-block-guest"));
    await userEvent.click(screen.getByTestId("qa-block-confirm"));
    expect(await screen.findByText("Tamu diblokir dari sesi ini.")).toBeInTheDocument();
    expect(bodyOf(fetch, "POST /api/qa/s1/participants/g7/block")).toEqual({});
  });

  it("never shows a participant a draft poll", async () => {
    withSnapshot(false, { polls: [poll({ status: "draft" })] });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    await screen.findByTestId("qa-title");
    expect(screen.queryByTestId("poll-card")).toBeNull();
  });

  it("gives the host a poll composer and the open, close and show-results controls", async () => {
    withSnapshot(true, { polls: [poll({ status: "draft", results: { total: 0, counts: [0, 0, 0] } })] });
    const createPoll = vi.fn(async () => poll({ id: "p2" }));
    const setPollStatus = vi.fn(async () => undefined);
    useStore.setState({ createPoll, setPollStatus });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    await userEvent.click(await screen.findByTestId("poll-new"));
    await userEvent.type(screen.getByTestId("poll-composer-question"), "Apa hambatan terbesar?");
    await userEvent.click(screen.getByTestId("poll-composer-submit"));
    // Two options are needed for a choice poll: nothing is sent yet.
    expect(createPoll).not.toHaveBeenCalled();
    const [a, b] = screen.getAllByTestId("poll-composer-option");
    await userEvent.type(a, "Anggaran");
    await userEvent.type(b, "Sinyal");
    await userEvent.click(screen.getByTestId("poll-composer-multiple"));
    await userEvent.click(screen.getByTestId("poll-composer-submit"));
    expect(createPoll).toHaveBeenCalledWith("s1", {
      kind: "choice",
      question: "Apa hambatan terbesar?",
      options: ["Anggaran", "Sinyal"],
      multiple: true,
    });
    await userEvent.click(screen.getByTestId("poll-open"));
    expect(setPollStatus).toHaveBeenCalledWith(expect.objectContaining({ id: "p1" }), { status: "open" });
  });

  it("lets the host switch guests between off, watch and participate", async () => {
    withSnapshot(true, {});
    const setQaGuests = vi.fn(async () => undefined);
    useStore.setState({ setQaGuests });
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    await userEvent.selectOptions(await screen.findByTestId("qa-guests-setting"), "watch");
    expect(setQaGuests).toHaveBeenCalledWith("s1", "watch");
  });
});

describe("the ask bar", () => {
  it("starts as one line and opens (anonymous choice, send) when touched", async () => {
    withSnapshot(false, {});
    renderRoute(<QaSessionPage />, { path: "/qa/:id", url: "/qa/s1" });
    const input = await screen.findByTestId("qa-ask-input");
    expect(input).toHaveAttribute("rows", "1");
    expect(screen.getByTestId("qa-ask-submit")).not.toBeVisible();
    await userEvent.click(input);
    expect(input).toHaveAttribute("rows", "3");
    expect(screen.getByTestId("qa-ask-submit")).toBeVisible();
  });
});
