import { useEffect, useState } from "react";
import { qaCommands, type QaParticipantDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { useAction } from "../../components/form/useAction";
import { Spinner } from "../../components/Spinner";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { qaErrorMessage } from "./qa.errors";

/**
 * Who joined the session (hosts and moderators): members and guests, how many questions each asked,
 * and block or unblock for guests (a blocked guest can no longer ask, vote, answer polls or rejoin).
 */
export function ParticipantsDialog({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const toast = useStore((s) => s.pushToast);
  const [list, setList] = useState<QaParticipantDto[] | null>(null);
  const blocking = useAction();

  useEffect(() => {
    const ctrl = new AbortController();
    send(qaCommands.participants, { sessionId }, { signal: ctrl.signal })
      .then((b) => setList(b.participants))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) toast({ tone: "error", message: qaErrorMessage(err) });
      });
    return () => ctrl.abort();
  }, [sessionId, toast]);

  const toggle = (p: QaParticipantDto) =>
    blocking.run(
      async () => {
        const next = p.blocked
          ? (await send(qaCommands.unblock, { sessionId, participantId: p.id })).participant
          : (await send(qaCommands.block, { sessionId, participantId: p.id })).participant;
        setList((l) => l?.map((x) => (x.id === next.id ? next : x)) ?? null);
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
      { key: p.id },
    );

  return (
    <Dialog open title={t("qa.participants.title")} onClose={onClose} testId="qa-participants-dialog">
      {list === null ? (
        <Spinner />
      ) : list.length === 0 ? (
        <p className="qa-empty">{t("qa.participants.empty")}</p>
      ) : (
        <ul className="qa-participants">
          {list.map((p) => (
            <li key={p.id} className="qa-participants__row" data-testid="qa-participant">
              <span className="qa-participants__name">{p.name ?? t("qa.guest.label")}</span>
              <Badge tone={p.guest ? "neutral" : "verified"}>
                {t(p.guest ? "qa.guest.label" : "qa.participants.member")}
              </Badge>
              {p.blocked && <Badge tone="danger">{t("qa.participants.blocked")}</Badge>}
              <span className="qa-participants__count">
                {t("qa.participants.questions", { count: f.number(p.questions) })}
              </span>
              {p.guest && (
                <Button
                  size="sm"
                  variant="ghost"
                  className={p.blocked ? undefined : "qa-danger-link"}
                  loading={blocking.running === p.id}
                  onClick={() => void toggle(p)}
                  data-testid={p.blocked ? "qa-participant-unblock" : "qa-participant-block"}
                >
                  {t(p.blocked ? "qa.participants.unblock" : "qa.guest.block")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
