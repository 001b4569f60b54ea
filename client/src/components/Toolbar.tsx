import type { ReactNode } from "react";
import { useRovingFocus } from "./useRovingFocus";

/** A row of buttons that is one Tab stop; arrow keys move within it (see `useRovingFocus`). */
export function Toolbar({
  label,
  className,
  testId,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { ref, onKeyDown } = useRovingFocus<HTMLDivElement>();
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      className={className}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
