import type { PollDto, PollResultsDto } from "@rembuk/shared";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";

const RATINGS = [1, 2, 3, 4, 5] as const;

/** Share of `count` in `total` as a whole percentage (0 when nobody answered). */
export const percent = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

/** Word-cloud font size: the most frequent word largest, the rarest still readable (in em). */
export function wordSize(
  count: number,
  max: number,
  [min, top]: readonly [number, number] = [0.9, 2.6],
): number {
  if (max <= 1) return top;
  return Math.round((min + ((count - 1) / (max - 1)) * (top - min)) * 100) / 100;
}

function Bars({
  labels,
  counts,
  total,
  mine,
}: {
  labels: string[];
  counts: number[];
  total: number;
  mine: readonly number[];
}) {
  const f = useFormat();
  return (
    <ul className="poll-bars">
      {labels.map((label, i) => {
        const pct = percent(counts[i] ?? 0, total);
        return (
          <li
            key={`${i}-${label}`}
            className={mine.includes(i) ? "poll-bar poll-bar--mine" : "poll-bar"}
            data-testid="poll-bar"
          >
            <span className="poll-bar__label">{label}</span>
            <span className="poll-bar__value">
              {f.number(pct)}% · {f.number(counts[i] ?? 0)}
            </span>
            <span className="poll-bar__track" aria-hidden="true">
              <span className="poll-bar__fill" style={{ width: `${pct}%` }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A poll's results, the same on the phone, the host's screen and the projector (which only scales
 * them up): bars for choices, the average and its distribution for ratings, a cloud for words.
 */
export function PollResults({ poll, results }: { poll: PollDto; results: PollResultsDto }) {
  const t = useT();
  const f = useFormat();
  const total = results.total;
  return (
    <div className={`poll-results poll-results--${poll.kind}`} data-testid="poll-results">
      {poll.kind === "choice" && (
        <Bars
          labels={poll.options}
          counts={results.counts ?? []}
          total={total}
          mine={poll.myAnswer?.choices ?? []}
        />
      )}
      {poll.kind === "rating" && (
        <>
          <p className="poll-results__average" data-testid="poll-average">
            {results.average == null
              ? t("qa.poll.noAnswers")
              : t("qa.poll.average", { value: f.number(Math.round(results.average * 10) / 10) })}
          </p>
          <Bars
            labels={RATINGS.map((n) => "★".repeat(n))}
            counts={results.counts ?? []}
            total={total}
            mine={poll.myAnswer?.rating ? [poll.myAnswer.rating - 1] : []}
          />
        </>
      )}
      {poll.kind === "words" &&
        ((results.words ?? []).length === 0 ? (
          <p className="poll-results__none">{t("qa.poll.noAnswers")}</p>
        ) : (
          <ul className="poll-cloud" data-testid="poll-cloud">
            {(results.words ?? []).map((w) => (
              <li
                key={w.word}
                className="poll-cloud__word"
                style={{ fontSize: `${wordSize(w.count, results.words?.[0]?.count ?? 1)}em` }}
                title={f.number(w.count)}
              >
                {w.word}
              </li>
            ))}
          </ul>
        ))}
      <p className="poll-results__total" data-testid="poll-total">
        {total === 1 ? t("qa.poll.totalOne") : t("qa.poll.total", { count: f.number(total) })}
      </p>
    </div>
  );
}
