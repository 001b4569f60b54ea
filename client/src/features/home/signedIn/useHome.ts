import { useCallback, useEffect, useState } from "react";
import { homeCommands, type HomeDto } from "@rembuk/shared";
import { send } from "../../../lib/send";
import { useStore } from "../../../store";

export type HomeLoad = { status: "loading" } | { status: "error" } | { status: "ready"; home: HomeDto };

/**
 * The signed-in home's own data (`GET /home`). Its threads and practices go into the store, so rows
 * read them live there (a reply arriving, a thread read in another tab) like every other list does.
 */
export function useHome(): { load: HomeLoad; reload: () => void; clearUnread: () => void } {
  const [load, setLoad] = useState<HomeLoad>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    send(homeCommands.get, {}, { signal: abort.signal }).then(
      ({ home }) => {
        const s = useStore.getState();
        s.internal_receiveThreads(home.unread.threads);
        s.internal_receivePractices(home.similar);
        setLoad({ status: "ready", home });
      },
      () => {
        if (!abort.signal.aborted) setLoad({ status: "error" });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setLoad({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  const clearUnread = useCallback(
    () =>
      setLoad((l) =>
        l.status === "ready" ? { ...l, home: { ...l.home, unread: { threads: [], total: 0 } } } : l,
      ),
    [],
  );
  return { load, reload, clearUnread };
}
