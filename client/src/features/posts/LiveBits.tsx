import { useShallow } from "zustand/react/shallow";
import type { PresenceDto } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { ArrowDownIcon, UsersIcon } from "../../components/icons";
import { useNow } from "./useNow";
import { counted } from "../../lib/counted";

const SHOWN_AVATARS = 5;

/** Who is here now: a few avatars, the rest as "+N", guests as a number. */
export function PresenceAvatars({
  presence,
  testId,
  labelKey,
}: {
  presence: PresenceDto | undefined;
  testId: string;
  labelKey: "posts.thread.presence" | "rooms.page.presence";
}) {
  const t = useT();
  const f = useFormat();
  if (!presence || presence.count === 0) return null;
  const shown = presence.users.slice(0, SHOWN_AVATARS);
  const more = presence.users.length - shown.length;
  const names = presence.users.map((u) => u.name).join(", ");
  return (
    <div className="presence" data-testid={testId} data-count={presence.count} title={names}>
      <UsersIcon />
      <span className="presence__label">
        {counted(t, labelKey, presence.count, f.number(presence.count))}
      </span>
      <span className="presence__faces" aria-hidden="true">
        {shown.map((u) => (
          <Avatar key={u.id} name={u.name} seed={u.id} size="sm" />
        ))}
        {more > 0 && <span className="presence__more">{t("posts.thread.more", { count: more })}</span>}
        {presence.guests > 0 && shown.length > 0 && (
          <span className="presence__more">
            {counted(t, "posts.thread.guests", presence.guests, f.number(presence.guests))}
          </span>
        )}
      </span>
      <span className="sr-only">{names}</span>
    </div>
  );
}

/** "Rina sedang mengetik…": people typing in this thread in the last few seconds. */
export function TypingIndicator({ threadId }: { threadId: string }) {
  const t = useT();
  const entries = useStore(useShallow((s) => Object.values(s.typingByThread[threadId] ?? {})));
  const now = useNow(entries.length > 0, 1000);
  const active = entries.filter((e) => e.until > now);
  let text = "";
  if (active.length === 1) text = t("posts.typing.one", { name: active[0].user.name });
  else if (active.length === 2)
    text = t("posts.typing.two", { a: active[0].user.name, b: active[1].user.name });
  else if (active.length > 2) text = t("posts.typing.many", { count: active.length });
  return (
    <p className="typing" aria-live="polite" data-testid="typing-indicator">
      {text && (
        <>
          <span className="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </>
      )}
    </p>
  );
}

/** Shown while the socket is down: the page stays readable and says it will catch up by itself. */
export function ConnectionBanner() {
  const t = useT();
  const status = useStore((s) => s.connection);
  if (status === "online") return null;
  return (
    <div
      className={`conn-banner conn-banner--${status}`}
      role="status"
      data-testid="reconnecting-banner"
      data-status={status}
    >
      <span className="conn-banner__dot" aria-hidden="true" />
      {t(status === "offline" ? "posts.thread.offline" : "posts.thread.reconnecting")}
    </div>
  );
}

/** "3 postingan baru di bawah": appears when posts arrive while the reader is further up. */
export function NewPostsPill({ count, onClick }: { count: number; onClick: () => void }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <button type="button" className="new-posts-pill" onClick={onClick} data-testid="new-posts-pill">
      <ArrowDownIcon />
      {count === 1 ? t("posts.thread.newBelowOne") : t("posts.thread.newBelow", { count })}
    </button>
  );
}
