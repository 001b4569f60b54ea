import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import type { SuggestionDto } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { searchApi } from "./search.api";
import "./search.css";

const DEBOUNCE_MS = 150;

/** `/` focuses the box from anywhere, except while typing in another field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const SearchIcon = () => (
  <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
    <path d="M15.5 15.5 20 20" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </svg>
);

/**
 * The header's search box on every page: suggestions as you type (a combobox: arrows move, Enter opens
 * the highlighted one or the results page, Escape closes). On phones it folds into a button that opens
 * a full-width bar under the header.
 */
export function HeaderSearch() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [items, setItems] = useState<SuggestionDto[]>([]);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      setPhoneOpen(true);
      requestAnimationFrame(() => inputRef.current?.focus());
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    // Navigating closes the suggestions and the phone's search field: an effect on the location.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset on navigation
    setOpen(false);
    setPhoneOpen(false);
  }, [location.pathname, location.search]);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the list as the load it starts does
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchApi
        .suggest(q, controller.signal)
        .then((r) => {
          setItems(r.suggestions);
          setActive(-1);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const showAll = q.trim().length > 0;
  const options = items.length + (showAll ? 1 : 0);
  const expanded = open && options > 0;

  const go = (url: string) => {
    setOpen(false);
    setPhoneOpen(false);
    inputRef.current?.blur();
    void navigate(url);
  };
  const goAll = () => go(`/search?q=${encodeURIComponent(q.trim())}`);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (active >= 0 && active < items.length) go(items[active]!.url);
    else if (q.trim()) goAll();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options);
    } else if (e.key === "ArrowUp" && options > 0) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? options - 1 : a - 1));
    } else if (e.key === "Escape") {
      if (expanded) setOpen(false);
      else {
        setPhoneOpen(false);
        inputRef.current?.blur();
      }
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className={phoneOpen ? "header-search header-search--open" : "header-search"}>
      <button
        type="button"
        className="header-search__toggle"
        aria-label={phoneOpen ? t("search.box.close") : t("search.box.open")}
        aria-expanded={phoneOpen}
        data-testid="search-toggle"
        onClick={() => {
          setPhoneOpen((o) => !o);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      >
        <SearchIcon />
      </button>
      <form
        role="search"
        className="header-search__form"
        onSubmit={onSubmit}
        aria-label={t("search.box.label")}
      >
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          className="header-search__input"
          role="combobox"
          aria-label={t("search.box.label")}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          placeholder={t("search.box.placeholder")}
          value={q}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          data-testid="header-search"
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <kbd className="header-search__kbd" title={t("search.box.shortcut")}>
          /
        </kbd>
        <ul
          id={listId}
          role="listbox"
          aria-label={t("search.suggest.label")}
          className="header-search__list"
          hidden={!expanded}
          data-testid="search-suggestions"
        >
          {items.map((s, i) => (
            <li
              key={`${s.kind}:${s.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="header-search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(s.url)}
            >
              <span className="header-search__title">{s.title}</span>
              <span className={`search-kind search-kind--${s.kind}`}>{t(`search.kind.${s.kind}`)}</span>
            </li>
          ))}
          {showAll && (
            <li
              id={optionId(items.length)}
              role="option"
              aria-selected={active === items.length}
              className="header-search__option header-search__option--all"
              onMouseDown={(e) => e.preventDefault()}
              onClick={goAll}
            >
              {t("search.suggest.all", { q: q.trim() })}
            </li>
          )}
        </ul>
      </form>
    </div>
  );
}
