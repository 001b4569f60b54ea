import { useEffect, useMemo, useState, type FormEvent } from "react";
import { searchCommands, SynonymGroup, type SynonymList } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { ShieldIcon } from "../../components/icons";
import { Spinner } from "../../components/Spinner";
import { useSiteCan } from "../../lib/abilities";
import { useT } from "../../lib/i18n";
import { send } from "../../lib/send";
import "./search.css";

/** One editable row: the variants as typed, comma-separated ("MPP, Mal Pelayanan Publik"). */
interface Row {
  key: number;
  text: string;
}

const split = (text: string) =>
  text
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

let nextKey = 0;
const rowOf = (variants: readonly string[]): Row => ({ key: nextKey++, text: variants.join(", ") });

/**
 * `/admin/synonyms`: the acronym and synonym list search uses (shared/src/search/synonyms.ts is the
 * default). Admins add, edit and remove groups and save the whole list with `search.setSynonyms`;
 * the server then rebuilds the index. The page is shown to those who manage the site's users (the
 * admins); the server's policy decides the save.
 */
export function SynonymsPage() {
  const t = useT();
  const allowed = useSiteCan().manageUsers;
  usePageTitle(t("search.synonyms.title"));
  if (!allowed) {
    return (
      <div className="page page--narrow" data-testid="synonyms-forbidden">
        <EmptyState as="h1" title={t("search.synonyms.forbidden")} icon={<ShieldIcon />} />
      </div>
    );
  }
  return <SynonymsEditor />;
}

type Status = "loading" | "ready" | "saving" | "saved" | "error";

function SynonymsEditor() {
  const t = useT();
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<Status>("loading");
  const [filter, setFilter] = useState("");

  useEffect(() => {
    let live = true;
    send(searchCommands.synonyms, {})
      .then((list) => {
        if (!live) return;
        setRows(list.groups.map((g) => rowOf(g.variants)));
        setStatus("ready");
      })
      .catch(() => live && setStatus("error"));
    return () => {
      live = false;
    };
  }, []);

  // A row is valid when the shared schema accepts its variants (2 to 12, each at most 80 characters).
  const invalid = useMemo(
    () =>
      new Set(
        rows.filter((r) => !SynonymGroup.safeParse({ variants: split(r.text) }).success).map((r) => r.key),
      ),
    [rows],
  );
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => r.text.toLowerCase().includes(needle)) : rows;

  const edit = (key: number, text: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, text } : r)));
    setStatus("ready");
  };
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setStatus("ready");
  };
  const add = () => {
    setFilter("");
    setRows((rs) => [rowOf([]), ...rs]);
    setStatus("ready");
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid.size > 0) return;
    setStatus("saving");
    const list: SynonymList = { groups: rows.map((r) => ({ variants: split(r.text) })) };
    try {
      const saved = await send(searchCommands.setSynonyms, list);
      setRows(saved.groups.map((g) => rowOf(g.variants)));
      setStatus("saved");
    } catch {
      setStatus("error");
    }
  };

  return (
    <div className="page page--wide">
      <header className="page-header">
        <h1 className="page-title">{t("search.synonyms.title")}</h1>
        <p className="page-lead">{t("search.synonyms.lead")}</p>
      </header>
      {status === "loading" ? (
        <Spinner />
      ) : (
        <form className="search-page__synonyms-form" onSubmit={(e) => void save(e)} noValidate>
          <div className="search-page__synonyms-toolbar">
            <label className="sr-only" htmlFor="synonyms-filter">
              {t("search.synonyms.filter")}
            </label>
            <input
              id="synonyms-filter"
              className="input input--search"
              type="search"
              value={filter}
              placeholder={t("search.synonyms.filter")}
              onChange={(e) => setFilter(e.target.value)}
            />
            <Button type="button" variant="secondary" onClick={add} data-testid="synonyms-add">
              {t("search.synonyms.add")}
            </Button>
          </div>
          <p className="search-page__synonyms-hint">{t("search.synonyms.hint", { n: rows.length })}</p>
          <ul className="search-page__synonyms-list">
            {shown.map((r) => {
              const bad = invalid.has(r.key);
              return (
                <li key={r.key} className="search-page__synonyms-row" data-testid="synonyms-row">
                  <label className="sr-only" htmlFor={`synonym-${r.key}`}>
                    {t("search.synonyms.variants")}
                  </label>
                  <input
                    id={`synonym-${r.key}`}
                    className="input search-page__synonyms-input"
                    value={r.text}
                    aria-invalid={bad || undefined}
                    aria-describedby={bad ? `synonym-${r.key}-error` : undefined}
                    placeholder={t("search.synonyms.placeholder")}
                    onChange={(e) => edit(r.key, e.target.value)}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => remove(r.key)}
                    aria-label={t("search.synonyms.removeFor", { group: r.text || "…" })}
                    data-testid="synonyms-remove"
                  >
                    {t("search.synonyms.remove")}
                  </Button>
                  {bad && (
                    <p id={`synonym-${r.key}-error`} className="search-page__synonyms-error">
                      {t("search.synonyms.invalid")}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {status === "error" && <FormAlert testId="synonyms-error">{t("search.synonyms.error")}</FormAlert>}
          {status === "saved" && (
            <FormAlert tone="info" testId="synonyms-saved">
              {t("search.synonyms.saved")}
            </FormAlert>
          )}
          <div className="search-page__synonyms-actions">
            <Button
              type="submit"
              disabled={invalid.size > 0 || status === "saving"}
              data-testid="synonyms-save"
            >
              {status === "saving" ? t("search.synonyms.saving") : t("search.synonyms.save")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
