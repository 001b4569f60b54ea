import { describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { qaSelectors, questionsOf, sortQuestions } from "./qa.slice";
import { question, snapshot } from "./test/fixtures";

const state = () => useStore.getState();

describe("qa slice", () => {
  it("replaces a session's questions with each snapshot and remembers the viewer's own and voted ones", () => {
    state().internal_qaSnapshot(
      snapshot([question({ id: "q1", mine: true, voted: true }), question({ id: "q2" })]),
    );
    expect(Object.keys(qaSelectors.questionMap("s1")(state()) ?? {})).toEqual(["q1", "q2"]);
    expect(state().qaMine).toEqual({ q1: true });
    expect(state().qaVoted).toMatchObject({ q1: true, q2: false });
    // A re-snapshot after a reconnect is the whole truth: what it no longer lists is gone.
    state().internal_qaSnapshot(snapshot([question({ id: "q2", rev: 3, votes: 4 })]));
    expect(qaSelectors.questionMap("s1")(state())).toEqual({ q2: expect.objectContaining({ votes: 4 }) });
  });

  it("ignores an update older than what it holds, from events and vote batches alike", () => {
    state().internal_qaSnapshot(snapshot([question({ id: "q1", votes: 5, rev: 7 })]));
    state().internal_qaQuestion(question({ id: "q1", votes: 3, rev: 5 }));
    state().internal_qaVotes({ sessionId: "s1", counts: [{ id: "q1", votes: 4, rev: 6 }] });
    expect(state().qaQuestionsBySession.s1.q1).toMatchObject({ votes: 5, rev: 7 });
    state().internal_qaVotes({ sessionId: "s1", counts: [{ id: "q1", votes: 6, rev: 8 }] });
    state().internal_qaQuestion(question({ id: "q1", votes: 6, rev: 9, status: "answered" }));
    expect(state().qaQuestionsBySession.s1.q1).toMatchObject({ votes: 6, rev: 9, status: "answered" });
  });

  it("drops events for sessions this tab does not follow", () => {
    state().internal_qaQuestion(question({ sessionId: "other" }));
    expect(state().qaQuestionsBySession.other).toBeUndefined();
  });

  it("sorts popular by votes (older first on a tie) and recent by time", () => {
    const a = question({ id: "a", votes: 2, createdAt: "2026-11-20T02:00:00.000Z" });
    const b = question({ id: "b", votes: 5, createdAt: "2026-11-20T03:00:00.000Z" });
    const c = question({ id: "c", votes: 2, createdAt: "2026-11-20T01:00:00.000Z" });
    expect(sortQuestions([a, b, c], "popular").map((q) => q.id)).toEqual(["b", "c", "a"]);
    expect(sortQuestions([a, b, c], "recent").map((q) => q.id)).toEqual(["b", "a", "c"]);
    expect(questionsOf({ a, b: { ...b, status: "pending" } }, ["approved"]).map((q) => q.id)).toEqual(["a"]);
  });
});

describe("qa slice after a reconnect", () => {
  it("joins every followed session again (a fresh snapshot) and nothing else", () => {
    const joinQa = vi.fn(async () => undefined);
    useStore.setState({ joinQa, qaJoined: { s1: true, s2: true } });
    state().internal_qaRejoinAll();
    expect(joinQa.mock.calls.map((c: unknown[]) => c[0]).sort()).toEqual(["s1", "s2"]);
    useStore.setState({ qaJoined: {} });
    joinQa.mockClear();
    state().internal_qaRejoinAll();
    expect(joinQa).not.toHaveBeenCalled();
  });

  it("takes a fresh snapshot for a guest when the host changes what guests may do", () => {
    const joinQa = vi.fn(async () => undefined);
    state().internal_qaSnapshot(
      snapshot([], false, { viewer: { signedIn: false, guest: { id: "g1", name: "Rina" } } }),
    );
    useStore.setState({ joinQa, qaJoined: { s1: true } });
    const session = state().qaSessionsById.s1;
    if (!session) throw new Error("no session");
    state().internal_qaSession({ ...session, title: "Judul baru" });
    expect(joinQa).not.toHaveBeenCalled();
    state().internal_qaSession({ ...session, guests: "watch" });
    expect(joinQa).toHaveBeenCalledWith("s1");
  });
});
