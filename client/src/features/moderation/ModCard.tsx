import type { ReactNode } from "react";

/**
 * One item in a moderation list (queue, flags, verification requests): a top line of pills and
 * times, the item itself, then its actions and what follows them.
 */
export function ModCard({
  className,
  top,
  actions,
  after,
  children,
  ...data
}: {
  className?: string;
  top: ReactNode;
  /** The row of buttons; a card with its own layout (flags) puts them in `children`. */
  actions?: ReactNode;
  /** What follows the actions: notes, and the dialogs the actions open. */
  after?: ReactNode;
  children: ReactNode;
  "data-testid": string;
  [data: `data-${string}`]: string | undefined;
}) {
  return (
    <li className={className ? `mod-card ${className}` : "mod-card"} {...data}>
      <div className="mod-card__top">{top}</div>
      {children}
      {actions && <div className="mod-card__actions">{actions}</div>}
      {after}
    </li>
  );
}

/** How a card's item was decided (who, when, what) and the note that came with it, under the item. */
export function ModOutcome({ children, note }: { children: ReactNode; note?: ReactNode }) {
  return (
    <p className="mod-card__outcome">
      {children}
      {note && <span className="mod-card__outcome-note"> {note}</span>}
    </p>
  );
}
