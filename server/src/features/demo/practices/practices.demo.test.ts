import { describe, expect, it } from "vitest";
import { ACTIVITY_MONTHS, lastMonths } from "../../practices/practice.stats.js";
import { demoPostedAt } from "./practices.demo.js";
import { DEMO_PRACTICES } from "./practices.data.js";

const DAY = 24 * 3600 * 1000;

describe("demo practice dates", () => {
  it("fall inside the dashboard's activity window on every day of the year, in order", () => {
    // Two years (a leap day included), at a minute past midnight and a minute before: the window is
    // shortest (334 days) on 1 March and at its widest on the last day of a month.
    const byAge = [...DEMO_PRACTICES.keys()].sort(
      (a, b) => DEMO_PRACTICES[a].daysAgo - DEMO_PRACTICES[b].daysAgo,
    );
    const problems: string[] = [];
    for (let day = 0; day < 2 * 366; day++) {
      for (const minute of [1, 24 * 60 - 1]) {
        const now = Date.UTC(2027, 0, 1) + day * DAY + minute * 60_000;
        const months = new Set(lastMonths(ACTIVITY_MONTHS, new Date(now)));
        const posted = DEMO_PRACTICES.map((p) => demoPostedAt(p.daysAgo, now));
        const when = new Date(now).toISOString();
        for (const at of posted) {
          if (!months.has(at.toISOString().slice(0, 7)))
            problems.push(`${when}: ${at.toISOString()} outside`);
          if (at.getTime() > now) problems.push(`${when}: ${at.toISOString()} in the future`);
        }
        for (let k = 1; k < byAge.length; k++) {
          if (posted[byAge[k]] > posted[byAge[k - 1]]) problems.push(`${when}: order changed at ${k}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps the authored offsets when the window is long enough", () => {
    const now = Date.UTC(2027, 11, 31, 12);
    expect(demoPostedAt(100, now).getTime()).toBe(now - 100 * DAY);
  });
});
