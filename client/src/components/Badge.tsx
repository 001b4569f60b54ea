import type { ReactNode } from "react";
import "./Badge.css";

export type BadgeTone = "neutral" | "verified" | "unverified" | "admin" | "moderator" | "warning" | "danger";

export function Badge({
  tone = "neutral",
  icon,
  children,
  testId,
}: {
  tone?: BadgeTone;
  icon?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span className={`badge badge--${tone}`} data-testid={testId}>
      {icon}
      {children}
    </span>
  );
}

/** A check mark in a seal, used by the verified badge. */
export function VerifiedIcon() {
  return (
    <svg className="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 0.8l1.9 1.4 2.3-.2.7 2.2 1.9 1.4-.7 2.2.7 2.2-1.9 1.4-.7 2.2-2.3-.2L8 15.2l-1.9-1.4-2.3.2-.7-2.2-1.9-1.4.7-2.2-.7-2.2 1.9-1.4.7-2.2 2.3.2z"
      />
      <path
        fill="none"
        stroke="#fff"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M5.2 8.2l1.9 1.9 3.7-3.9"
      />
    </svg>
  );
}
