import { useEffect, useState } from "react";
import { Avatar } from "../../components/Avatar";
import { Field } from "../../components/Field";
import { CloseIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";
import { userCommands } from "@rembuk/shared";
import { send } from "../../lib/send";

/** A room moderator as the picker shows them. */
export interface Person {
  id: string;
  name: string;
}

/** Picks a room's moderators by name: type two letters, choose from the members found. */
export function ModeratorPicker({
  people,
  onChange,
  error,
}: {
  people: Person[];
  onChange: (p: Person[]) => void;
  error?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Person[]>([]);
  // Fewer than two letters asks nothing and shows nothing (an older answer is not shown either).
  const shown = query.trim().length < 2 ? [] : results;

  useEffect(() => {
    if (query.trim().length < 2) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      send(userCommands.list, { query: query.trim(), limit: 6 }, { signal: abort.signal }).then(
        (page) => setResults(page.users.map((u) => ({ id: u.id, name: u.name }))),
        () => setResults([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  return (
    <Field label={t("rooms.form.moderators")} hint={t("rooms.form.moderatorsHint")} error={error}>
      {(c) => (
        <div className="mod-picker">
          {people.length > 0 && (
            <ul className="mod-picker__chips">
              {people.map((p) => (
                <li key={p.id} className="mod-picker__chip">
                  <Avatar name={p.name} seed={p.id} size="sm" />
                  {p.name}
                  <button
                    type="button"
                    aria-label={t("rooms.form.moderatorRemove", { name: p.name })}
                    onClick={() => onChange(people.filter((x) => x.id !== p.id))}
                  >
                    <CloseIcon />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            {...c}
            type="search"
            className="input"
            placeholder={t("rooms.form.moderatorSearch")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {shown.length > 0 && (
            <ul className="mod-picker__results">
              {shown
                .filter((r) => !people.some((p) => p.id === r.id))
                .map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      className="mod-picker__result"
                      onClick={() => {
                        onChange([...people, r]);
                        setQuery("");
                      }}
                    >
                      <Avatar name={r.name} seed={r.id} size="sm" />
                      {t("rooms.form.moderatorAdd", { name: r.name })}
                    </button>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
