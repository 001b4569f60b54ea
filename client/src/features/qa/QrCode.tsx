import { useEffect, useState } from "react";
import type { QrShape } from "./qrSvg";

/**
 * A QR code drawn as inline SVG. The generator is loaded on first use (a separate chunk), so pages
 * that never show a QR code never download it.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const [shape, setShape] = useState<QrShape | null>(null);
  useEffect(() => {
    let live = true;
    void import("./qrSvg").then(({ qrShape }) => {
      if (live) setShape(qrShape(text));
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!shape) return <div className={className} role="img" aria-label={label} aria-busy="true" />;
  const { side } = shape;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="qa-qr"
      data-qr-text={text}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={shape.d} fill="#0b2231" />
    </svg>
  );
}
