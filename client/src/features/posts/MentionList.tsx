import { useShallow } from "zustand/react/shallow";
import type { UserSummaryDto } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";

/**
 * The people matching an `@name` being typed, under the reply box; the composer moves `active` with
 * the arrow keys. A pick keeps the focus in the textarea (mouse down does not blur it).
 */
export function MentionList({
  candidates,
  active,
  onPick,
}: {
  candidates: UserSummaryDto[];
  active: number;
  onPick: (person: UserSummaryDto) => void;
}) {
  const t = useT();
  return (
    <ul
      className="mention-list"
      role="listbox"
      aria-label={t("posts.composer.mentionList")}
      data-testid="mention-list"
    >
      {candidates.map((p, i) => (
        <li key={p.id} role="option" aria-selected={i === active}>
          <button
            type="button"
            className={`mention-list__item${i === active ? " mention-list__item--active" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
          >
            <Avatar name={p.name} seed={p.id} size="sm" />
            <span>
              <span className="mention-list__name">{p.name}</span>
              {p.title && <span className="mention-list__title">{p.title}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** People one may mention here: who wrote the loaded posts (latest first) and who is reading now. */
export function useThreadPeople(threadId: string): UserSummaryDto[] {
  return useStore(
    useShallow((s) => {
      const me = s.currentUserId;
      const out: UserSummaryDto[] = [];
      const ids = s.postIdsByThread[threadId] ?? [];
      for (let i = ids.length - 1; i >= 0; i--) {
        const author = s.postsById[ids[i]]?.author;
        if (author && author.id !== me && !out.some((p) => p.id === author.id)) out.push(author);
      }
      for (const u of s.threadPresence[threadId]?.users ?? [])
        if (u.id !== me && !out.some((p) => p.id === u.id)) out.push(u);
      return out;
    }),
  );
}
