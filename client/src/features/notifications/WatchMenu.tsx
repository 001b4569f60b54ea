import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { WatchLevel } from "@rembuk/shared";
import { buttonClass } from "../../components/Button";
import { BellIcon, BellOffIcon, CheckIcon, EyeIcon } from "../../components/icons";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import type { WatchPlace } from "./notifications.slice";
import "./notifications.css";

const LEVELS: WatchLevel[] = ["watching", "normal", "muted"];

/** Each level's name and its one-line meaning. */
export const LEVEL_WORDS: Record<WatchLevel, { name: MessageKey; explain: MessageKey }> = {
  watching: { name: "notifications.watch.watching", explain: "notifications.watch.watching.explain" },
  normal: { name: "notifications.watch.normal", explain: "notifications.watch.normal.explain" },
  muted: { name: "notifications.watch.muted", explain: "notifications.watch.muted.explain" },
};

export const levelIcon = (level: WatchLevel | undefined) =>
  level === "watching" ? <EyeIcon /> : level === "muted" ? <BellOffIcon /> : <BellIcon />;

/**
 * "Pantau / Normal / Bisukan" for one thread, room or tag: a button naming the current level and a
 * menu of the three, each with what it means. The choice shows at once and is saved in the
 * background; if the server refuses, the old level comes back and a toast says so.
 */
export function WatchMenu({
  place,
  level,
  caption,
  trigger,
  align = "end",
  testId,
}: {
  place: WatchPlace;
  /** Undefined when the server has not told us (a room or tag before the person chose). */
  level: WatchLevel | undefined;
  /** Names the place, for the menu's heading and the button's accessible name. */
  caption: string;
  /** The button's visible text; by default the level's name. */
  trigger?: ReactNode;
  align?: "start" | "end";
  testId?: string;
}) {
  const t = useT();
  const setWatchLevel = useStore((s) => s.setWatchLevel);
  const pushToast = useStore((s) => s.pushToast);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const items = () =>
    Array.from(rootRef.current?.querySelectorAll<HTMLButtonElement>(".watch-menu__item") ?? []);

  useEffect(() => {
    if (!open) return;
    const all = items();
    (all.find((b) => b.getAttribute("aria-checked") === "true") ?? all[0])?.focus();
    const outside = (e: Event) => e.target instanceof Node && !rootRef.current?.contains(e.target);
    const onPointer = (e: PointerEvent) => outside(e) && setOpen(false);
    const onFocus = (e: FocusEvent) => outside(e) && setOpen(false);
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (e.key === "Tab") return setOpen(false);
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const all = items();
    const at = all.findIndex((b) => b === document.activeElement);
    const next =
      e.key === "Home"
        ? 0
        : e.key === "End"
          ? all.length - 1
          : (at + (e.key === "ArrowDown" ? 1 : -1) + all.length) % all.length;
    all[next]?.focus();
  };

  const choose = (next: WatchLevel) => {
    setOpen(false);
    buttonRef.current?.focus();
    if (next === level) return;
    setWatchLevel(place, next, level).then(
      () =>
        pushToast({
          tone: "success",
          message: "notifications.watch.saved",
          params: { level: t(LEVEL_WORDS[next].name) },
        }),
      () => pushToast({ tone: "error", message: "notifications.watch.failed" }),
    );
  };

  return (
    <div className="watch-menu" ref={rootRef} data-testid={testId} data-level={level ?? "unknown"}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass("secondary", "sm")}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId && `${testId}-button`}
      >
        {levelIcon(level)}
        <span className="btn__label">
          <span className="sr-only">{caption}:</span>{" "}
          {trigger ?? (level ? t(LEVEL_WORDS[level].name) : t("notifications.watch.unknown"))}
        </span>
      </button>
      {open && (
        <ul
          className={`watch-menu__list watch-menu__list--${align}`}
          id={menuId}
          role="menu"
          aria-label={caption}
          onKeyDown={onMenuKey}
        >
          <li className="watch-menu__caption" role="presentation" aria-hidden="true">
            {caption}
          </li>
          {LEVELS.map((l) => (
            <li key={l} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={l === level}
                tabIndex={-1}
                className="watch-menu__item"
                onClick={() => choose(l)}
                data-testid={`watch-${l}`}
              >
                <span className="watch-menu__check">{l === level && <CheckIcon />}</span>
                <span>
                  <span className="watch-menu__name">{t(LEVEL_WORDS[l].name)}</span>
                  <span className="watch-menu__explain">{t(LEVEL_WORDS[l].explain)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
