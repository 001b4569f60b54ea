import { useEffect, useState } from "react";
import { practiceCommands, type PracticeRevisionDto } from "@rembuk/shared";
import { Dialog } from "../../components/Dialog";
import { Spinner } from "../../components/Spinner";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { send } from "../../lib/send";

const FIELD_KEYS: Record<string, MessageKey> = {
  problem: "practices.form.problem",
  approach: "practices.form.approach",
  results: "practices.page.results",
  cost: "practices.page.cost",
  regionCode: "practices.page.region",
  sector: "practices.page.sector",
  stage: "practices.page.stage",
  startDate: "practices.page.started",
  sdgs: "practices.page.sdgs",
  links: "practices.page.links",
  contact: "practices.page.contact",
  derivedFrom: "practices.form.derivedFrom",
};

/** A stored value as readable text: strings as they are, lists and objects compactly. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value
      .map((v) => (typeof v === "object" && v !== null ? Object.values(v).join(" ") : String(v)))
      .join("; ");
  }
  if (typeof value === "object") return Object.values(value).join(" ");
  return String(value);
}

/** Every edit of the record: who, when, which fields, before → after. */
export function HistoryDialog({
  practiceId,
  open,
  onClose,
}: {
  practiceId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const [revisions, setRevisions] = useState<PracticeRevisionDto[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each opening forgets the last failure before it asks again
    setFailed(false);
    send(practiceCommands.history, { threadId: practiceId }).then(
      (r) => live && setRevisions(r.revisions),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open, practiceId]);

  return (
    <Dialog open={open} onClose={onClose} title={t("practices.history.title")} testId="practice-history">
      {failed ? (
        <p role="alert">{t("practices.history.error")}</p>
      ) : revisions === null ? (
        <Spinner label={t("ui.loading")} />
      ) : revisions.length === 0 ? (
        <p className="muted">{t("practices.history.empty")}</p>
      ) : (
        <ol className="history-list">
          {revisions.map((r) => (
            <li key={r.id} className="history-list__item" data-testid="history-entry">
              <p className="history-list__head">
                {t("practices.history.entry", {
                  n: r.revision,
                  name: r.editor?.name ?? "—",
                  date: f.dateTime(r.at),
                })}
              </p>
              <dl className="history-list__fields">
                {r.fields.map((field) => (
                  <div key={field} className="history-list__field">
                    <dt>{FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field}</dt>
                    <dd>
                      <del>{show(r.before[field])}</del>
                      <ins>{show(r.after[field])}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
