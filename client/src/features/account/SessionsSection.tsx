import { useCallback, useEffect, useState } from "react";
import { authCommands, type SessionDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { Skeleton } from "../../components/Skeleton";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { describeUserAgent } from "./userAgent";

type Load = "loading" | "ready" | "error";

/** Every device signed in to the account, this one first, with "sign out the others". */
export function SessionsSection({ version }: { version: number }) {
  const t = useT();
  const f = useFormat();
  const pushToast = useStore((s) => s.pushToast);
  const [sessions, setSessions] = useState<SessionDto[]>([]);
  const [load, setLoad] = useState<Load>("loading");
  // "Sign out the others" is a one-button form: its failure shows as the section's message.
  const signOut = useForm();

  const read = useCallback(async (signal?: AbortSignal) => {
    try {
      const { sessions: list } = await send(authCommands.sessions, {}, { signal });
      setSessions([...list].sort((a, b) => Number(b.current) - Number(a.current)));
      setLoad("ready");
    } catch {
      if (!signal?.aborted) setLoad("error");
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads the list on mount and on each refresh; `read` marks it loading first
    void read(controller.signal);
    return () => controller.abort();
  }, [read, version]);

  const signOutOthers = () =>
    signOut.submit(async () => {
      await send(authCommands.endOtherSessions, {});
      pushToast({ tone: "success", message: "account.sessions.signedOutOthers" });
      await read();
    });

  const others = sessions.filter((s) => !s.current).length;

  return (
    <section
      className="card account-section"
      aria-labelledby="account-sessions"
      data-testid="account-sessions"
    >
      <h2 id="account-sessions" className="card-title">
        {t("account.sessions.title")}
      </h2>
      <p className="account-section__lead">{t("account.sessions.lead")}</p>
      <FormError form={signOut} />
      {load === "loading" && sessions.length === 0 ? (
        <div aria-busy="true">
          <Skeleton width="70%" />
          <Skeleton width="50%" />
        </div>
      ) : load === "error" && sessions.length === 0 ? (
        <FormAlert>
          {t("account.sessions.error")}{" "}
          <button type="button" className="link-button" onClick={() => void read()}>
            {t("ui.retry")}
          </button>
        </FormAlert>
      ) : (
        <ul className="session-list" data-testid="session-list">
          {sessions.map((s) => {
            const { browser, system } = describeUserAgent(s.userAgent);
            const device =
              browser && system
                ? t("account.sessions.device", { browser, system })
                : (browser ?? system ?? t("account.sessions.unknownDevice"));
            return (
              <li key={s.id} className="session" data-testid="session-item" data-current={s.current}>
                <div className="session__head">
                  <span className="session__device">{device}</span>
                  {s.current && (
                    <Badge tone="verified" testId="session-current">
                      {t("account.sessions.thisDevice")}
                    </Badge>
                  )}
                </div>
                <p className="session__meta">
                  {t("account.sessions.meta", {
                    created: f.dateTime(s.createdAt),
                    seen: f.relative(s.lastSeenAt),
                  })}
                </p>
                {s.userAgent && (
                  <p className="session__ua" title={s.userAgent}>
                    {s.userAgent}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="form__actions">
        <Button
          variant="secondary"
          size="sm"
          loading={signOut.busy}
          disabled={others === 0}
          onClick={() => void signOutOthers()}
          data-testid="sessions-sign-out-others"
        >
          {t("account.sessions.signOutOthers")}
        </Button>
      </div>
    </section>
  );
}
