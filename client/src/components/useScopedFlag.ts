import { useCallback, useState, type SetStateAction } from "react";

/**
 * An on/off state that turns itself off when `scope` changes: a menu that closes on navigation, a
 * form that closes when the page shows another room. Derived during render, so there is no effect
 * that resets it a frame late.
 */
export function useScopedFlag(scope: string): [boolean, (next: SetStateAction<boolean>) => void] {
  const [onIn, setOnIn] = useState<string | null>(null);
  const on = onIn === scope;
  const set = useCallback(
    (next: SetStateAction<boolean>) =>
      setOnIn((current) => {
        const value = typeof next === "function" ? next(current === scope) : next;
        return value ? scope : null;
      }),
    [scope],
  );
  return [on, set];
}
