import type { ReactNode } from "react";
import "./EmptyState.css";

/** A calm placeholder for "nothing here (yet)"; `as="h1"` when it is the whole page's content. */
export function EmptyState({
  title,
  children,
  action,
  icon,
  as: Title = "p",
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  as?: "h1" | "h2" | "p";
}) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon" aria-hidden="true">
        {icon ?? (
          <svg viewBox="0 0 48 48" focusable="false">
            <circle
              cx="24"
              cy="24"
              r="15"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeDasharray="4 5"
            />
            <circle cx="24" cy="9" r="4" fill="currentColor" />
            <circle cx="37" cy="31.5" r="4" fill="currentColor" />
            <circle cx="11" cy="31.5" r="4" fill="currentColor" />
          </svg>
        )}
      </div>
      <Title className="empty-state__title">{title}</Title>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
