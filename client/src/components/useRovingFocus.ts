import { useLayoutEffect, useRef, type KeyboardEvent } from "react";

const ITEMS = "button:not([disabled])";

/**
 * A roving tabindex for a row of buttons (WAI-ARIA toolbar pattern): the row is one Tab stop, the
 * arrow keys (and Home/End) move between its buttons. Keeps long lists (a thread's posts, each with
 * reactions and actions) short to Tab through. Spread the result on the row's container.
 */
export function useRovingFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);

  // After every render: exactly one enabled button is tabbable, the one that was (or the first).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>(ITEMS)];
    const current = items.find((b) => b.tabIndex === 0 && b.dataset.roving === "on") ?? items[0];
    for (const b of items) {
      b.tabIndex = b === current ? 0 : -1;
      b.dataset.roving = b === current ? "on" : "off";
    }
  });

  const onKeyDown = (e: KeyboardEvent<T>) => {
    const el = ref.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>(ITEMS)];
    const at = items.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? (at + 1) % items.length
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? (at - 1 + items.length) % items.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? items.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    for (const b of items) {
      b.tabIndex = -1;
      b.dataset.roving = "off";
    }
    items[next].tabIndex = 0;
    items[next].dataset.roving = "on";
    items[next].focus();
  };

  return { ref, onKeyDown };
}
