import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { json, mockFetch } from "../../test/http";
import { PRACTICE_ID, makeAdoption, makePracticeThread } from "./test/fixtures";

const state = () => useStore.getState();
const counts = () => {
  const p = state().practicesById[PRACTICE_ID];
  return { count: p?.adoptionCount, ...p?.adoptionsByStage };
};

function openPage() {
  mockFetch({
    [`GET /api/practices/${PRACTICE_ID}`]: () =>
      json(200, {
        practice: makePracticeThread(),
        lineage: { ancestors: [], descendants: [] },
        adoptions: [],
      }),
  });
  return state().loadPracticePage(PRACTICE_ID);
}

describe("practices slice: the live ledger", () => {
  it("puts a new adoption first on the open page and counts it once, however often it arrives", async () => {
    await openPage();
    const adoption = makeAdoption(1);
    state().internal_adoptionChanged(adoption);
    // The REST answer and its own broadcast both arrive in the adopter's tab.
    state().internal_adoptionChanged(adoption);
    expect(state().practicePages[PRACTICE_ID]?.adoptionIds).toEqual([adoption.id]);
    expect(state().practicePages[PRACTICE_ID]?.fresh[adoption.id]).toBe(true);
    expect(counts()).toMatchObject({ count: 1, interested: 1 });
  });

  it("moves the counters with each step and ignores an older copy arriving late", async () => {
    await openPage();
    state().internal_adoptionChanged(makeAdoption(1));
    state().internal_adoptionChanged(makeAdoption(1, ["interested", "piloting"]));
    state().internal_adoptionChanged(makeAdoption(1, ["interested", "piloting", "abandoned"]));
    state().internal_adoptionChanged(makeAdoption(1, ["interested", "piloting"]));
    expect(state().adoptionsById[makeAdoption(1).id]?.stage).toBe("abandoned");
    expect(counts()).toMatchObject({ count: 0, interested: 0, piloting: 0, abandoned: 1 });
  });

  it("does not count an old adoption it never saw being created (the loaded counts include it)", async () => {
    mockFetch({
      [`GET /api/practices/${PRACTICE_ID}`]: () =>
        json(200, {
          practice: makePracticeThread({
            adoptionCount: 1,
            adoptionsByStage: { interested: 0, piloting: 1, adopted: 0, abandoned: 0 },
          }),
          lineage: { ancestors: [], descendants: [] },
          adoptions: [],
        }),
    });
    await state().loadPracticePage(PRACTICE_ID);
    state().internal_adoptionChanged(makeAdoption(2, ["interested", "piloting"]));
    expect(counts()).toMatchObject({ count: 1, piloting: 1 });
  });

  it("keeps only the newest revision of a record", async () => {
    await openPage();
    const base = makePracticeThread().practice;
    state().internal_practiceUpdated(PRACTICE_ID, { ...base, revision: 3, stage: "trial" });
    state().internal_practiceUpdated(PRACTICE_ID, { ...base, revision: 2, stage: "initiative" });
    expect(state().practicesById[PRACTICE_ID]?.practice).toMatchObject({ revision: 3, stage: "trial" });
  });

  it("lets only the latest directory request write the list", async () => {
    const releases: Array<() => void> = [];
    mockFetch({
      "GET /api/practices": ({ url }) =>
        url.searchParams.get("province") === "33"
          ? new Promise((r) => {
              releases.push(() => r(json(200, { practices: [makePracticeThread()], nextCursor: null })));
            })
          : json(200, { practices: [], nextCursor: null }),
    });
    const slow = state().loadDirectory({ sort: "recent", province: "33" });
    await state().loadDirectory({ sort: "recent", province: "35" });
    for (const release of releases) release();
    await slow;
    expect(state().practiceDirectory).toMatchObject({ ids: [], status: "ready" });
  });
});
