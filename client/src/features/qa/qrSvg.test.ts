import { describe, expect, it } from "vitest";
import { QUIET, qrShape } from "./qrSvg";

/** The dark modules of a shape as "col,row" strings (quiet zone removed). */
function dark(d: string): Set<string> {
  const out = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    out.add(`${Number(m[1]) - QUIET},${Number(m[2]) - QUIET}`);
  return out;
}

describe("qrShape", () => {
  it("draws a version-sized symbol with the three finder patterns a scanner looks for", () => {
    const { size, d } = qrShape("https://rembuk.example/qa/join/KP7M2X");
    // Versions grow by 4 modules from 21; a ~40-character URL at level M needs version 3 (29).
    expect((size - 21) % 4).toBe(0);
    expect(size).toBe(29);
    const on = dark(d);
    for (const [x0, y0] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ]) {
      // Finder: a 7×7 dark ring, a light ring, a 3×3 dark core.
      for (let i = 0; i < 7; i++) {
        expect(on.has(`${x0 + i},${y0}`)).toBe(true);
        expect(on.has(`${x0 + i},${y0 + 6}`)).toBe(true);
        expect(on.has(`${x0},${y0 + i}`)).toBe(true);
      }
      expect(on.has(`${x0 + 1},${y0 + 1}`)).toBe(false);
      expect(on.has(`${x0 + 3},${y0 + 3}`)).toBe(true);
    }
  });

  it("gives the same symbol for the same text and a different one for another code", () => {
    expect(qrShape("/qa/join/KP7M2X").d).toBe(qrShape("/qa/join/KP7M2X").d);
    expect(qrShape("/qa/join/KP7M2X").d).not.toBe(qrShape("/qa/join/ABCDEF").d);
  });
});
