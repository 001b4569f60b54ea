import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { QaSessionDto } from "@rembuk/shared";

import { Button } from "../../components/Button";
import { MicIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { CreateSessionDialog } from "./CreateSessionDialog";
import { qaSelectors } from "./qa.slice";
import { StatusBadge } from "./StatusBadge";
import "./qa.css";

/** Live and upcoming first, then the ended ones (newest first within each). */
const ORDER: Record<QaSessionDto["status"], number> = { live: 0, scheduled: 1, ended: 2 };

/** The room page's Q&A block: its sessions, and "New session" for those who may host one. */
export function RoomQaSection({ slug, canCreate }: { slug: string; canCreate: boolean }) {
  const t = useT();
  const f = useFormat();
  const ids = useStore(qaSelectors.roomSessions(slug));
  const byId = useStore((s) => s.qaSessionsById);
  const loadRoomQa = useStore((s) => s.loadRoomQa);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void loadRoomQa(slug).catch(() => undefined);
  }, [slug, loadRoomQa]);

  const sessions = (ids ?? [])
    .map((id) => byId[id])
    .filter((s): s is QaSessionDto => Boolean(s))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status]);

  return (
    <section className="qa-room" aria-labelledby="qa-room-title" data-testid="qa-room-section">
      <div className="qa-room__head">
        <h2 id="qa-room-title" className="qa-section-title">
          <MicIcon /> {t("qa.section.title")}
        </h2>
        {canCreate && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setCreating(true)}
            data-testid="qa-create-open"
          >
            {t("qa.section.create")}
          </Button>
        )}
      </div>
      {ids && sessions.length === 0 && <p className="qa-empty">{t("qa.section.empty")}</p>}
      {sessions.length > 0 && (
        <ul className="qa-room__list">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/qa/${s.id}`} className="qa-room__item" data-testid="qa-session-link">
                <span className="qa-room__title">{s.title}</span>
                <span className="qa-room__meta">
                  <StatusBadge status={s.status} />
                  {s.status === "scheduled" && s.startsAt && (
                    <span>{t("qa.section.startsAt", { when: f.dateTime(s.startsAt) })}</span>
                  )}
                  <span>
                    {t("qa.section.questions", {
                      count: f.number(s.questionCount),
                      answered: f.number(s.answeredCount),
                    })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateSessionDialog slug={slug} onClose={() => setCreating(false)} />}
    </section>
  );
}
