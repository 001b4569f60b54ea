import { create } from "qrcode";

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The viewBox side: the symbol plus the quiet zone on both sides. */
  side: number;
  /** One SVG path drawing every dark module as a 1×1 square, offset by the quiet zone. */
  d: string;
}

/** Quiet zone (light border) in modules, as scanners expect. */
export const QUIET = 2;

/**
 * The QR code for `text` as an SVG path, computed in the browser (nothing is fetched). Medium error
 * correction keeps the symbol small enough to read from the back of a hall.
 */
export function qrShape(text: string): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  return { size: modules.size, side: modules.size + QUIET * 2, d: parts.join("") };
}
