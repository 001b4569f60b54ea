import "./Avatar.css";

/** Up to two initials ("Ganjar Pranowo" → "GP", "Ani" → "A"); honorifics such as "Dr." are skipped. */
export function initials(name: string): string {
  const skip = new Set([
    "dr",
    "dr.",
    "ir",
    "ir.",
    "h",
    "h.",
    "hj",
    "hj.",
    "prof",
    "prof.",
    "drs",
    "drs.",
    "bapak",
    "ibu",
  ]);
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}.]/gu, ""))
    .filter((w) => w && !skip.has(w.toLowerCase()));
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return picked
    .map((w) => (w ?? "").replace(/\./g, "").charAt(0))
    .join("")
    .toUpperCase();
}

const TONES = 6;

/** A stable tone per user so the same person always has the same colour. */
export function avatarTone(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % TONES;
}

export function Avatar({
  name,
  seed,
  size = "md",
}: {
  name: string;
  seed: string;
  size?: "sm" | "md" | "lg" | "xl";
}) {
  return (
    <span className={`avatar avatar--${size} avatar--tone${avatarTone(seed)}`} aria-hidden="true">
      {initials(name) || "?"}
    </span>
  );
}
