import { useState } from "react";
import { MOD_LIMITS, type FlagDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { usePendingModAction } from "./useModAction";

/** The moderators' notes on one flag, folded away until there are some, and adding one. */
export function FlagNotes({ flag }: { flag: FlagDto }) {
  const t = useT();
  const f = useFormat();
  const addFlagNote = useStore((s) => s.addFlagNote);
  const [noting, runNote] = usePendingModAction();
  const [note, setNote] = useState("");

  const saveNote = async () => {
    if (!note.trim()) return;
    if (await runNote(() => addFlagNote(flag.id, note.trim()), "moderation.flags.noteSaved")) setNote("");
  };

  return (
    <details className="mod-notes" open={flag.notes !== undefined && flag.notes.length > 0}>
      <summary>
        {t("moderation.flags.notes")} ({f.number(flag.notes?.length ?? 0)})
      </summary>
      <ul className="mod-notes__list">
        {(flag.notes ?? []).map((n) => (
          <li key={n.id}>
            <strong>{n.author?.name ?? "?"}</strong> <span className="muted">{f.relative(n.createdAt)}</span>
            <p>{n.text}</p>
          </li>
        ))}
      </ul>
      <form
        className="mod-notes__form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveNote();
        }}
      >
        <label className="sr-only" htmlFor={`note-${flag.id}`}>
          {t("moderation.flags.note.add")}
        </label>
        <input
          id={`note-${flag.id}`}
          className="input input--compact"
          placeholder={t("moderation.flags.note.placeholder")}
          maxLength={MOD_LIMITS.modNote.max}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="flag-note-input"
        />
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          loading={noting}
          disabled={!note.trim()}
          data-testid="flag-note-save"
        >
          {t("moderation.flags.note.save")}
        </Button>
      </form>
    </details>
  );
}
