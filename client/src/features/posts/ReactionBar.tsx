import { type ReactNode } from "react";
import { ReactionKind, type PostDto } from "@rembuk/shared";
import { CheckCircleIcon, HeartIcon, LightbulbIcon, ThumbIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { Toolbar } from "../../components/Toolbar";
import { forumError } from "../../lib/errors";

export const REACTION_ICONS: Record<ReactionKind, () => ReactNode> = {
  like: ThumbIcon,
  insightful: LightbulbIcon,
  thanks: HeartIcon,
  agree: CheckCircleIcon,
};

export function ReactionBar({ post, signedIn }: { post: PostDto; signedIn: boolean }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const toggle = useStore((s) => s.toggleReaction);
  const toast = useStore((s) => s.pushToast);
  const mine = post.myReactions ?? [];
  return (
    <Toolbar className="reactions" label={t("posts.reaction.group")}>
      {ReactionKind.options.map((kind) => {
        const Icon = REACTION_ICONS[kind];
        const count = post.reactions[kind] ?? 0;
        const label = t(`posts.reaction.${kind}`);
        const active = mine.includes(kind);
        if (!signedIn && count === 0) return null;
        return (
          <button
            key={kind}
            type="button"
            className={`reaction${active ? " reaction--active" : ""}`}
            aria-pressed={active}
            disabled={!signedIn}
            title={signedIn ? label : t("posts.reaction.signIn")}
            data-testid={`reaction-${kind}`}
            onClick={() =>
              void toggle(post.id, kind).catch((err: unknown) => {
                const { key, params } = forumError(err, locale);
                toast({ tone: "error", message: key, params });
              })
            }
          >
            {/* The name is the visible text ("3 Suka"), so voice users can say what they see. */}
            <Icon />
            {count > 0 && <span className="reaction__count">{f.number(count)}</span>}{" "}
            <span className="reaction__label">{label}</span>
          </button>
        );
      })}
    </Toolbar>
  );
}
