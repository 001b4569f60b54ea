import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { ThreadDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { roomSelectors } from "../rooms";
import { localized } from "../../lib/locale";
import { ThreadBadges } from "../../components/ThreadBadges";
import { threadCommands } from "@rembuk/shared";
import { send } from "../../lib/send";

type State =
  | { status: "loading" }
  | { status: "error" }
  | { status: "ready"; threads: ThreadDto[]; nextCursor: string | null; loadingMore: boolean };

/**
 * The threads and practices a person started, as far as the viewer may see them. A read-only view of
 * one profile, so it keeps its own state instead of the shared store.
 */
export function ProfileActivity({ userId, name }: { userId: string; name: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ status: "loading" });

  const load = useCallback(
    (signal?: AbortSignal) => {
      setState({ status: "loading" });
      send(threadCommands.byAuthor, { id: userId, limit: 10 }, { signal })
        .then((page) => setState({ status: "ready", ...page, loadingMore: false }))
        .catch(() => {
          if (!signal?.aborted) setState({ status: "error" });
        });
    },
    [userId],
  );

  useEffect(() => {
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads the activity for this user; `load` marks it loading first
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const loadMore = async () => {
    if (state.status !== "ready" || !state.nextCursor) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await send(threadCommands.byAuthor, { id: userId, cursor: state.nextCursor, limit: 10 });
      setState({
        status: "ready",
        threads: [...state.threads, ...page.threads],
        nextCursor: page.nextCursor,
        loadingMore: false,
      });
    } catch {
      setState({ ...state, loadingMore: false });
    }
  };

  if (state.status === "loading") return <SkeletonText lines={3} />;
  if (state.status === "error")
    return (
      <EmptyState
        title={t("users.profile.activityError")}
        action={
          <Button variant="secondary" onClick={() => load()}>
            {t("users.profile.activityRetry")}
          </Button>
        }
      />
    );
  if (!state.threads.length)
    return (
      <EmptyState title={t("users.profile.activityEmptyTitle")}>
        {t("users.profile.activityEmpty", { name })}
      </EmptyState>
    );

  return (
    <>
      <ul className="profile__threads" data-testid="profile-activity">
        {state.threads.map((thread) => (
          <ActivityItem key={thread.id} thread={thread} />
        ))}
      </ul>
      {state.nextCursor && (
        <Button variant="secondary" loading={state.loadingMore} onClick={loadMore}>
          {t("users.profile.activityMore")}
        </Button>
      )}
    </>
  );
}

function ActivityItem({ thread }: { thread: ThreadDto }) {
  const t = useT();
  const fmt = useFormat();
  const room = useStore(roomSelectors.bySlug(thread.roomSlug));
  const locale = useStore((s) => s.locale);
  return (
    <li className="profile__thread">
      <Link to={`/threads/${thread.id}`} className="profile__thread-title">
        {thread.title}
      </Link>
      <span className="profile__thread-badges">
        <ThreadBadges thread={thread} />
      </span>
      <span className="profile__thread-meta">
        {t("users.profile.activityMeta", {
          room: room ? localized(room.name, locale) : thread.roomSlug,
          date: fmt.date(thread.createdAt),
          posts: fmt.number(thread.postCount),
        })}
      </span>
    </li>
  );
}
