import { Suspense, useEffect, useState } from "react";
import { Link } from "react-router";
import { qaCommands, type QaSessionDto } from "@rembuk/shared";
import { useFormat } from "../../../lib/format";
import { useT } from "../../../lib/i18n";
import { send } from "../../../lib/send";
import { JoinCodeBox, StatusBadge } from "../../qa";
import { HomeSection } from "./HomeSection";

const SHOWN = 4;

/** Live and upcoming Q&A sessions in the rooms the reader sees, and the join-code box. */
export function QaSection() {
  const t = useT();
  const f = useFormat();
  const [sessions, setSessions] = useState<QaSessionDto[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    send(qaCommands.list, { limit: 20 }, { signal: abort.signal }).then(
      (r) => setSessions(r.sessions.filter((s) => s.status !== "ended").slice(0, SHOWN)),
      () => !abort.signal.aborted && setSessions([]),
    );
    return () => abort.abort();
  }, []);

  return (
    <HomeSection
      id="home-qa"
      title={t("home.qa.title")}
      action={
        <Link to="/qa" className="home-section__more">
          {t("home.qa.all")}
        </Link>
      }
    >
      {sessions !== null &&
        (sessions.length === 0 ? (
          <p className="home-section__empty">{t("home.qa.empty")}</p>
        ) : (
          <ul className="home-list" data-testid="home-sessions">
            {sessions.map((s) => (
              <li key={s.id} className="home-list__item">
                <Link to={`/qa/${s.id}`} className="home-list__title">
                  {s.title}
                </Link>
                <span className="home-list__meta">
                  <StatusBadge status={s.status} />
                  {s.status === "scheduled" && s.startsAt && (
                    <span>{t("qa.section.startsAt", { when: f.dateTime(s.startsAt) })}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ))}
      <div className="home-section__join">
        <h3 className="home-section__subtitle">{t("qa.join.title")}</h3>
        <Suspense fallback={null}>
          <JoinCodeBox />
        </Suspense>
      </div>
    </HomeSection>
  );
}
