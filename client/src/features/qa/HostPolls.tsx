import { useState } from "react";
import type { PollDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";
import { PollComposer } from "./PollComposer";
import { PollResults } from "./PollResults";

/** One poll as its host sees it: status, results always, and the open / close / show controls. */
function HostPollRow({ poll, live }: { poll: PollDto; live: boolean }) {
  const t = useT();
  const setPollStatus = useStore((s) => s.setPollStatus);
  const toast = useStore((s) => s.pushToast);
  const action = useAction<"open" | "close" | "results">();
  const run = (
    key: "open" | "close" | "results",
    input: { status: "open" | "closed"; showResults?: boolean },
  ) =>
    action.run(
      () => setPollStatus(poll, input),
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
      { key },
    );
  const current = poll.status === "open" ? "open" : "closed";
  return (
    <li className={`poll-card poll-card--${poll.status}`} data-testid="host-poll" data-poll-id={poll.id}>
      <header className="poll-card__head">
        <Badge tone={poll.status === "open" ? "warning" : "neutral"}>
          {t(`qa.poll.status.${poll.status}`)}
        </Badge>
        <span className="poll-card__kind">{t(`qa.poll.kind.${poll.kind}`)}</span>
        <h3 className="poll-card__question">{poll.question}</h3>
      </header>
      {poll.results && <PollResults poll={poll} results={poll.results} />}
      {live && (
        <div className="poll-card__actions">
          {poll.status === "open" ? (
            <Button
              size="sm"
              variant="secondary"
              loading={action.running === "close"}
              onClick={() => void run("close", { status: "closed" })}
              data-testid="poll-close"
            >
              {t("qa.poll.close")}
            </Button>
          ) : (
            <Button
              size="sm"
              loading={action.running === "open"}
              onClick={() => void run("open", { status: "open" })}
              data-testid="poll-open"
            >
              {t(poll.status === "draft" ? "qa.poll.open" : "qa.poll.reopen")}
            </Button>
          )}
          {poll.status !== "draft" && (
            <Button
              size="sm"
              variant={poll.showResults ? "ghost" : "accent"}
              loading={action.running === "results"}
              aria-pressed={poll.showResults}
              onClick={() => void run("results", { status: current, showResults: !poll.showResults })}
              data-testid="poll-show-results"
            >
              {t(poll.showResults ? "qa.poll.hideResults" : "qa.poll.showResults")}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** The host's poll panel: create polls before or during the session, run them, show their results. */
export function HostPolls({
  sessionId,
  polls,
  live,
}: {
  sessionId: string;
  polls: PollDto[];
  live: boolean;
}) {
  const t = useT();
  const [composing, setComposing] = useState(false);
  return (
    <section className="qa-polls" aria-labelledby="qa-polls-title" data-testid="host-polls">
      <div className="qa-polls__head">
        <h2 id="qa-polls-title" className="qa-section-title">
          {t("qa.poll.section")}
        </h2>
        {live && (
          <Button size="sm" variant="secondary" onClick={() => setComposing(true)} data-testid="poll-new">
            {t("qa.poll.new")}
          </Button>
        )}
      </div>
      {polls.length === 0 ? (
        <p className="qa-empty">{t("qa.poll.empty")}</p>
      ) : (
        <ul className="qa-polls__list">
          {polls.map((p) => (
            <HostPollRow key={p.id} poll={p} live={live} />
          ))}
        </ul>
      )}
      {composing && <PollComposer sessionId={sessionId} onClose={() => setComposing(false)} />}
    </section>
  );
}
