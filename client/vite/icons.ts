import { crc32, deflateSync } from "node:zlib";
import type { Plugin } from "vite";

/**
 * The home-screen icons, drawn at build time from the same shapes as `public/favicon.svg` (navy
 * tile, gold ring, three white people around it), so there is no binary to keep in step by hand
 * and no image tool to install. `maskable` fills the whole square and keeps the drawing inside the
 * safe zone Android crops to.
 */

type Rgba = readonly [number, number, number, number];
const NAVY: Rgba = [0x0e, 0x2a, 0x3b, 255];
const GOLD: Rgba = [0xe0, 0xa8, 0x4a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const DOTS = [
  [16, 7.5],
  [23.4, 20.3],
  [8.6, 20.3],
] as const;

/** The colour at (x, y) in the favicon's 32×32 space. */
function colourAt(x: number, y: number, maskable: boolean): Rgba {
  if (!maskable && !insideRoundedSquare(x, y, 32, 7)) return CLEAR;
  // The maskable icon draws the same picture at 70% around the centre (the safe zone is 80%).
  const [u, v] = maskable ? [16 + (x - 16) / 0.7, 16 + (y - 16) / 0.7] : [x, y];
  if (DOTS.some(([cx, cy]) => (u - cx) ** 2 + (v - cy) ** 2 <= 2.6 ** 2)) return WHITE;
  const r = Math.hypot(u - 16, v - 16);
  if (r >= 8.5 - 1.1 && r <= 8.5 + 1.1) return GOLD;
  return NAVY;
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** An RGBA PNG of the icon, `size` pixels square. */
export function drawIcon(size: number, maskable = false): Buffer {
  return drawPng(size, size, (x, y) => colourAt((x * 32) / size, (y * 32) / size, maskable));
}

/**
 * The picture a shared link shows in WhatsApp or Telegram (`og:image`, 1200×630): the icon large on
 * the header's navy, over its gold line. Chat apps take PNG or JPEG, not SVG.
 */
export function drawShareCard(): Buffer {
  const [width, height, logo, band] = [1200, 630, 300, 10];
  const left = (width - logo) / 2;
  const top = (height - band - logo) / 2;
  return drawPng(width, height, (x, y) => {
    if (y >= height - band) return GOLD;
    const inLogo = x >= left && x < left + logo && y >= top && y < top + logo;
    if (!inLogo) return NAVY;
    const c = colourAt(((x - left) * 32) / logo, ((y - top) * 32) / logo, false);
    return c[3] === 0 ? NAVY : c;
  });
}

/** An RGBA PNG of `sample` (a colour per point), each pixel the average of 4×4 samples. */
function drawPng(width: number, height: number, sample: (x: number, y: number) => Rgba): Buffer {
  const SAMPLES = 4;
  const row = width * 4 + 1;
  const raw = Buffer.alloc(row * height);
  for (let py = 0; py < height; py++) {
    raw[py * row] = 0; // filter: none
    for (let px = 0; px < width; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          // Premultiplied, so edges against transparency do not darken.
          for (let i = 0; i < 3; i++) sum[i]! += (c[i]! * c[3]) / 255;
          sum[3]! += c[3];
        }
      const n = SAMPLES * SAMPLES;
      const alpha = sum[3]! / n;
      const at = py * row + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = alpha ? Math.round(((sum[i]! / n) * 255) / alpha) : 0;
      raw[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export const ICONS = [
  { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
] as const;
/** iOS ignores the manifest's icons and fills transparency with black: an opaque one of its own. */
const APPLE_ICON = { src: "icons/apple-touch-icon-180.png", sizes: "180x180", purpose: "maskable" } as const;

/** Emits the icons into the build (`dist/icons/`, the manifest lists them) and the link-preview card. */
export function appIcons(): Plugin {
  return {
    name: "rembuk:icons",
    apply: "build",
    generateBundle() {
      for (const icon of [...ICONS, APPLE_ICON]) {
        const size = Number(icon.sizes.split("x")[0]);
        this.emitFile({
          type: "asset",
          fileName: icon.src,
          source: drawIcon(size, icon.purpose === "maskable"),
        });
      }
      this.emitFile({ type: "asset", fileName: "og-image.png", source: drawShareCard() });
    },
  };
}
