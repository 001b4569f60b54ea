import { describe, expect, it } from "vitest";
import { applyVoteCounts, snapshotToMap, upsertQuestion } from "./qaView.js";
import type { QuestionDto } from "./schemas/qa.js";

const q = (id: string, votes: number, rev: number): QuestionDto => ({
  id,
  sessionId: "s",
  text: "Pertanyaan",
  status: "approved",
  anonymous: false,
  author: null,
  votes,
  rev,
  answer: null,
  answeredAt: null,
  dismissReason: null,
  mergedIntoId: null,
  followUp: null,
  edited: false,
  mine: false,
  voted: false,
  createdAt: "2026-11-20T00:00:00.000Z",
});

describe("folding Q&A updates", () => {
  it("keeps the newer version whichever order updates arrive in", () => {
    let map = snapshotToMap([q("a", 1, 1)]);
    map = upsertQuestion(map, q("a", 3, 3));
    map = upsertQuestion(map, q("a", 2, 2));
    expect(map.a).toMatchObject({ votes: 3, rev: 3 });
  });

  it("applies only newer batched counts, and returns the same map when nothing changed", () => {
    const map = snapshotToMap([q("a", 5, 5), q("b", 1, 1)]);
    const next = applyVoteCounts(map, {
      sessionId: "s",
      counts: [
        { id: "a", votes: 4, rev: 4 },
        { id: "b", votes: 2, rev: 2 },
        { id: "zz", votes: 9, rev: 9 },
      ],
    });
    expect(next.a).toMatchObject({ votes: 5, rev: 5 });
    expect(next.b).toMatchObject({ votes: 2, rev: 2 });
    expect(next.zz).toBeUndefined();
    expect(map.b.votes).toBe(1);
    expect(applyVoteCounts(next, { sessionId: "s", counts: [{ id: "a", votes: 1, rev: 1 }] })).toBe(next);
  });
});
