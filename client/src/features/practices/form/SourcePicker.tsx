import type { PostDto } from "@rembuk/shared";
import { useT } from "../../../lib/i18n";

/** A reply's first words, cut at a word boundary. */
function excerpt(text: string, max = 160): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** Promoting a discussion: the replies the new record cites as its sources. */
export function SourcePicker({
  posts,
  chosen,
  onToggle,
}: {
  posts: PostDto[];
  chosen: string[];
  onToggle: (postId: string) => void;
}) {
  const t = useT();
  return (
    <fieldset className="fieldset" data-testid="promote-sources">
      <legend className="section-title">{t("practices.promote.sources")}</legend>
      <p className="field__hint">{t("practices.promote.sourcesHint")}</p>
      <ul className="source-picker">
        {posts.map((p) => {
          const on = chosen.includes(p.id);
          return (
            <li key={p.id}>
              <label className={on ? "source-pick source-pick--on" : "source-pick"}>
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`promote-source-${p.seq}`}
                  onChange={() => onToggle(p.id)}
                />
                <span>
                  <strong>
                    #{p.seq} {p.author?.name ?? ""}
                  </strong>
                  <span className="source-pick__text">{excerpt(p.body ?? "")}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
