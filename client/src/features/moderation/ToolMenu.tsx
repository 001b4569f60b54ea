import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { buttonClass } from "../../components/Button";

export interface ToolItem {
  key: string;
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  testId?: string;
  onSelect: () => void;
}

/**
 * A small disclosure menu of tools: the button says what it holds, Escape or a click elsewhere closes
 * it and gives focus back, arrow keys move between items. Items run after the menu closed, so a dialog
 * they open gets the focus.
 */
export function ToolMenu({
  label,
  icon,
  items,
  testId,
  align = "end",
}: {
  label: string;
  icon?: ReactNode;
  items: ToolItem[];
  testId?: string;
  align?: "start" | "end";
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>(".tool-menu__item")?.focus();
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
        return;
      }
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      const buttons = Array.from(
        rootRef.current?.querySelectorAll<HTMLButtonElement>(".tool-menu__item") ?? [],
      );
      const at = buttons.findIndex((b) => b === document.activeElement);
      const next =
        e.key === "ArrowDown" ? (at + 1) % buttons.length : (at - 1 + buttons.length) % buttons.length;
      buttons[next]?.focus();
      e.preventDefault();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (items.length === 0) return null;
  return (
    <div className="tool-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass("ghost", "sm")}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {icon}
        <span className="btn__label">{label}</span>
      </button>
      {open && (
        <ul className={`tool-menu__list tool-menu__list--${align}`} id={listId}>
          {items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className={`tool-menu__item${item.danger ? " tool-menu__item--danger" : ""}`}
                data-testid={item.testId}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.icon}
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
