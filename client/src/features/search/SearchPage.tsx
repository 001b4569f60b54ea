// Longer than a few hundred lines: the results page: the query box, filters, kind tabs and list all read and write the same URL state,
// so they stay in one component file with small parts.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import {
  SEARCH_KINDS,
  SEARCH_LIMITS,
  type SearchKind,
  type SearchResponse,
  type SearchResultDto,
} from "@rembuk/shared";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { usePageTitle } from "../../app/usePageTitle";
import { useSiteCan } from "../../lib/abilities";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { safeSnippet, searchApi, type SearchParams } from "./search.api";
import "./search.css";

const FILTER_KEYS = ["room", "region", "sector", "from", "to"] as const;
/** Counts are exact below this; from it on they are lower bounds and read "50+". */
const COUNT_CAP = SEARCH_LIMITS.counts.cap;

function paramsFromUrl(url: URLSearchParams): SearchParams {
  const kind = url.get("kind");
  const sort = url.get("sort");
  const p: SearchParams = { q: url.get("q") ?? "" };
  if (kind && (SEARCH_KINDS as readonly string[]).includes(kind)) p.kind = kind as SearchKind;
  if (sort === "new") p.sort = "new";
  for (const k of [...FILTER_KEYS, "author"] as const) {
    const v = url.get(k);
    if (v) p[k] = v;
  }
  return p;
}

function Result({ r }: { r: SearchResultDto }) {
  const t = useT();
  const f = useFormat();
  const rooms = useStore((s) => s.roomsById);
  const roomIdBySlug = useStore((s) => s.roomIdBySlug);
  const room = r.roomSlug ? rooms[roomIdBySlug[r.roomSlug] ?? ""] : undefined;
  const where = room ? room.name.id || room.slug : r.roomSlug;
  return (
    <li className="search-result" data-testid="search-result">
      <div className="search-result__meta">
        <span className={`search-kind search-kind--${r.kind}`}>{t(`search.kind.${r.kind}`)}</span>
        {where && <span>{t("search.results.in", { where })}</span>}
        {r.regionCode && r.kind !== "region" && <span>{r.regionCode}</span>}
        {r.createdAt && <time dateTime={r.createdAt}>{f.date(r.createdAt)}</time>}
        {r.stage && <span className="search-result__stage">{t(`search.stage.${r.stage as "trial"}`)}</span>}
        {r.adoptionCount !== undefined && r.adoptionCount > 0 && (
          <span>{t("search.results.adoptions", { n: f.number(r.adoptionCount) })}</span>
        )}
      </div>
      <h2 className="search-result__title">
        <Link to={r.url}>{r.title}</Link>
      </h2>
      {/* The snippet's only tag is <mark> (server-made, re-checked by safeSnippet). */}
      <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: safeSnippet(r.snippet) }} />
    </li>
  );
}

/** `/search?q&kind&room&region&sector&from&to&sort`: results, counts per kind and filters, all in the URL. */
export function SearchPage() {
  const t = useT();
  const f = useFormat();
  const [url, setUrl] = useSearchParams();
  const params = useMemo(() => paramsFromUrl(url), [url]);
  const key = JSON.stringify(params);
  const [draft, setDraft] = useState(params.q);
  const [page, setPage] = useState<SearchResponse | null>(null);
  const [error, setError] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const { roomOrder, roomsById } = useStore(
    useShallow((s) => ({ roomOrder: s.roomOrder, roomsById: s.roomsById })),
  );
  const { sectors, loadSectors } = useStore(
    useShallow((s) => ({ sectors: s.sectors, loadSectors: s.loadSectors })),
  );
  usePageTitle(params.q ? t("search.page.titleFor", { q: params.q }) : t("search.page.title"));

  useEffect(() => {
    void loadSectors();
  }, [loadSectors]);
  // The box follows the URL (back and forward buttons, a suggestion picked in the header).
  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing the draft from the URL
  useEffect(() => setDraft(params.q), [params.q]);

  const filtering = FILTER_KEYS.some((k) => params[k]) || !!params.author;
  const active = params.q.trim() !== "" || filtering || !!params.kind;

  useEffect(() => {
    if (!active) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the empty state of the load below
      setPage({ results: [], counts: {}, nextCursor: null });
      return;
    }
    const controller = new AbortController();
    setPage(null);
    setError(false);
    searchApi
      .search(params, null, controller.signal)
      .then(setPage)
      .catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === "AbortError")) setError(true);
      });
    return () => controller.abort();
    // `key` stands for `params` (and `active`) by value, so the effect runs once per distinct search.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [key]);

  const set = (changes: Partial<Record<keyof SearchParams, string | undefined>>) => {
    const next = new URLSearchParams(url);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setUrl(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: draft.trim() || undefined });
  };
  const more = async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await searchApi.search(params, page.nextCursor);
      setPage({ ...next, results: [...page.results, ...next.results], counts: page.counts });
    } catch {
      setError(true);
    } finally {
      setLoadingMore(false);
    }
  };

  const counts = page?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const shown = params.kind ? (counts[params.kind] ?? 0) : all;
  // The list's editors are the admins, who are those that manage users.
  const canEditSynonyms = useSiteCan().manageUsers;
  const countText = (n: number) =>
    n >= COUNT_CAP
      ? t("search.results.countMany", { n: f.number(COUNT_CAP) })
      : t("search.results.count", { n: f.number(n) });

  return (
    <div className="page page--wide search-page">
      <header className="page-header">
        <h1 className="page-title">
          {params.q ? t("search.page.titleFor", { q: params.q }) : t("search.page.title")}
        </h1>
        <p className="page-lead">{t("search.page.lead")}</p>
        {canEditSynonyms && (
          <Link to="/admin/synonyms" className="search-page__admin" data-testid="search-synonyms-link">
            {t("search.synonyms.manage")}
          </Link>
        )}
      </header>

      <form role="search" className="search-page__form" onSubmit={onSubmit}>
        <input
          type="search"
          className="search-page__input"
          aria-label={t("search.box.label")}
          placeholder={t("search.box.placeholder")}
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="search-page-input"
        />
        <Button type="submit">{t("search.box.submit")}</Button>
      </form>

      <nav className="search-tabs" aria-label={t("search.filters.label")}>
        <button
          type="button"
          className="search-tab"
          aria-pressed={!params.kind}
          onClick={() => set({ kind: undefined })}
        >
          {t("search.kind.all")} <span className="search-tab__n">{f.number(all)}</span>
        </button>
        {SEARCH_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="search-tab"
            aria-pressed={params.kind === k}
            data-testid={`search-tab-${k}`}
            onClick={() => set({ kind: params.kind === k ? undefined : k })}
          >
            {t(`search.kind.${k}`)}{" "}
            <span className="search-tab__n">
              {(counts[k] ?? 0) >= COUNT_CAP ? `${f.number(COUNT_CAP)}+` : f.number(counts[k] ?? 0)}
            </span>
          </button>
        ))}
      </nav>

      <div className="search-page__body">
        <fieldset className="search-filters">
          <legend className="search-filters__legend">{t("search.filters.label")}</legend>
          <label className="search-filter">
            <span>{t("search.filters.room")}</span>
            <select
              value={params.room ?? ""}
              onChange={(e) => set({ room: e.target.value })}
              data-testid="search-filter-room"
            >
              <option value="">{t("search.filters.anyRoom")}</option>
              {roomOrder
                .map((id) => roomsById[id])
                .filter(Boolean)
                .map((r) => (
                  <option key={r!.id} value={r!.slug}>
                    {r!.name.id || r!.slug}
                  </option>
                ))}
            </select>
          </label>
          <label className="search-filter">
            <span>{t("search.filters.region")}</span>
            <input
              inputMode="decimal"
              placeholder="33.73"
              defaultValue={params.region ?? ""}
              key={params.region ?? ""}
              pattern="\d{2}(\.\d{2})?"
              title={t("search.filters.regionHint")}
              onBlur={(e) =>
                /^\d{2}(\.\d{2})?$|^$/.test(e.target.value.trim()) && set({ region: e.target.value.trim() })
              }
              data-testid="search-filter-region"
            />
          </label>
          <label className="search-filter">
            <span>{t("search.filters.sector")}</span>
            <select value={params.sector ?? ""} onChange={(e) => set({ sector: e.target.value })}>
              <option value="">{t("search.filters.anySector")}</option>
              {sectors.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            <span>{t("search.filters.from")}</span>
            <input type="date" value={params.from ?? ""} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="search-filter">
            <span>{t("search.filters.to")}</span>
            <input type="date" value={params.to ?? ""} onChange={(e) => set({ to: e.target.value })} />
          </label>
          <label className="search-filter">
            <span>{t("search.filters.sort")}</span>
            <select
              value={params.sort ?? "relevance"}
              onChange={(e) => set({ sort: e.target.value === "new" ? "new" : undefined })}
            >
              <option value="relevance">{t("search.filters.sort.relevance")}</option>
              <option value="new">{t("search.filters.sort.new")}</option>
            </select>
          </label>
          {filtering && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                set({
                  room: undefined,
                  region: undefined,
                  sector: undefined,
                  from: undefined,
                  to: undefined,
                  author: undefined,
                })
              }
            >
              {t("search.filters.clear")}
            </Button>
          )}
        </fieldset>

        <section className="search-results" aria-live="polite" aria-busy={page === null}>
          {error ? (
            <p className="search-results__error" role="alert">
              {t("search.error")}
            </p>
          ) : page === null ? (
            <Spinner label={t("ui.loading")} />
          ) : !active ? (
            <EmptyState title={t("search.empty.start")} />
          ) : page.results.length === 0 ? (
            <EmptyState title={t("search.empty.title", { q: params.q })} as="h2">
              {t("search.empty.body")}
            </EmptyState>
          ) : (
            <>
              <p className="search-results__count" data-testid="search-count">
                {countText(shown)}
              </p>
              <ol className="search-results__list">
                {page.results.map((r) => (
                  <Result key={`${r.kind}:${r.id}`} r={r} />
                ))}
              </ol>
              {page.nextCursor && (
                <Button variant="secondary" onClick={() => void more()} disabled={loadingMore}>
                  {t("search.results.more")}
                </Button>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
