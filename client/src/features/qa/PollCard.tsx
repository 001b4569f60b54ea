import { useState } from "react";
import { POLL_LIMITS, type PollAnswerInput, type PollDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";
import { PollResults } from "./PollResults";

/** The answer as words for "Your answer: …". */
function describe(poll: PollDto, answer: PollAnswerInput): string {
  if (poll.kind === "choice") return (answer.choices ?? []).map((i) => poll.options[i] ?? "").join(", ");
  if (poll.kind === "rating") return answer.rating ? "★".repeat(answer.rating) : "";
  return answer.words ?? "";
}

function AnswerForm({ poll, onDone }: { poll: PollDto; onDone: () => void }) {
  const t = useT();
  const answerPoll = useStore((s) => s.answerPoll);
  const toast = useStore((s) => s.pushToast);
  const mine = poll.myAnswer;
  const [choices, setChoices] = useState<number[]>(mine?.choices ?? []);
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [words, setWords] = useState(mine?.words ?? "");
  const sending = useAction();

  const answer: PollAnswerInput | null =
    poll.kind === "choice"
      ? choices.length > 0
        ? { choices }
        : null
      : poll.kind === "rating"
        ? rating
          ? { rating }
          : null
        : words.trim().length >= POLL_LIMITS.words.min
          ? { words: words.trim() }
          : null;

  const send = async () => {
    if (!answer) return;
    await sending.run(
      async () => {
        await answerPoll(poll, answer);
        // No toast: "Your answer: …" appears in place of the form, where the eye already is.
        onDone();
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
    );
  };

  const toggle = (i: number) =>
    setChoices((c) =>
      poll.multiple ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i].sort((a, b) => a - b)) : [i],
    );

  return (
    <form
      className="poll-answer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {poll.kind === "choice" && (
        <fieldset className="poll-options">
          <legend className="sr-only">{poll.question}</legend>
          {poll.options.map((option, i) => (
            <label
              key={`${i}-${option}`}
              className={choices.includes(i) ? "poll-option poll-option--on" : "poll-option"}
            >
              <input
                type={poll.multiple ? "checkbox" : "radio"}
                name={`poll-${poll.id}`}
                checked={choices.includes(i)}
                onChange={() => toggle(i)}
                data-testid="poll-option"
              />
              <span>{option}</span>
            </label>
          ))}
        </fieldset>
      )}
      {poll.kind === "rating" && (
        <div className="poll-rating" role="radiogroup" aria-label={poll.question}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={rating === n}
              aria-label={t("qa.poll.ratingLabel", { n })}
              className={rating !== null && n <= rating ? "poll-star poll-star--on" : "poll-star"}
              onClick={() => setRating(n)}
              data-testid={`poll-rating-${n}`}
            >
              ★
            </button>
          ))}
        </div>
      )}
      {poll.kind === "words" && (
        <input
          className="input"
          value={words}
          maxLength={POLL_LIMITS.words.max}
          placeholder={t("qa.poll.wordsPlaceholder")}
          aria-label={poll.question}
          onChange={(e) => setWords(e.target.value)}
          data-testid="poll-words"
        />
      )}
      <Button type="submit" size="sm" disabled={!answer} loading={sending.busy} data-testid="poll-submit">
        {t("qa.poll.submit")}
      </Button>
    </form>
  );
}

/**
 * One poll for a participant: answer while it is open (and change the answer), the results once the
 * host shows them, live as answers come in.
 */
export function PollCard({
  poll,
  canAnswer,
  watchOnly = false,
}: {
  poll: PollDto;
  canAnswer: boolean;
  watchOnly?: boolean;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const answered = Boolean(poll.myAnswer);
  const open = poll.status === "open";
  return (
    <article className={`poll-card poll-card--${poll.status}`} data-testid="poll-card" data-poll-id={poll.id}>
      <header className="poll-card__head">
        <Badge tone={open ? "warning" : "neutral"}>
          {t(open ? "qa.poll.status.open" : "qa.poll.status.closed")}
        </Badge>
        <h3 className="poll-card__question">{poll.question}</h3>
      </header>
      {open && canAnswer && (!answered || editing) && (
        <AnswerForm poll={poll} onDone={() => setEditing(false)} />
      )}
      {poll.myAnswer && !editing && (
        <p className="poll-card__mine" data-testid="poll-my-answer">
          {t("qa.poll.yourAnswer", { answer: describe(poll, poll.myAnswer) })}{" "}
          {open && canAnswer && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} data-testid="poll-change">
              {t("qa.poll.change")}
            </Button>
          )}
        </p>
      )}
      {open && watchOnly && <p className="poll-card__note">{t("qa.poll.watchOnly")}</p>}
      {poll.showResults && poll.results ? (
        <PollResults poll={poll} results={poll.results} />
      ) : (
        open && <p className="poll-card__note">{t("qa.poll.waitingResults")}</p>
      )}
      {!open && !poll.showResults && <p className="poll-card__note">{t("qa.poll.closedNote")}</p>}
    </article>
  );
}
