import { Link } from "react-router";
import type { PostDto } from "@rembuk/shared";
import type { UserEntity } from "../../users";
import { Button } from "../../../components/Button";
import { FormError } from "../../../components/form/FormError";
import { useT } from "../../../lib/i18n";
import { FactsSection } from "./FactsSection";
import { MoreSection } from "./MoreSection";
import { ResultsSection } from "./ResultsSection";
import { SourcePicker } from "./SourcePicker";
import { OpeningSection, ProblemSection } from "./StorySection";
import { usePracticeForm, type PracticeFormMode } from "./usePracticeForm";

/**
 * The practice record form, section by section. Mount it once what it starts from is here (the
 * saved record when editing): its draft is taken at mount.
 */
export function PracticeForm({
  mode,
  me,
  known,
  sourcePosts,
}: {
  mode: PracticeFormMode;
  me: UserEntity;
  /** The practice this one adapts, when its title is known. */
  known: { id: string; title: string } | null;
  /** Promoting: the discussion's replies the record may cite. */
  sourcePosts: PostDto[];
}) {
  const t = useT();
  const { form, draft, update, submit, rooms, sourceIds, toggleSource } = usePracticeForm(mode, me);
  const section = { draft, update, form };
  const cancelTo =
    mode.kind === "edit"
      ? `/practices/${mode.id}`
      : mode.kind === "promote"
        ? `/threads/${mode.threadId}`
        : "/practices";
  const submitLabel =
    mode.kind === "edit"
      ? "practices.form.save"
      : mode.kind === "promote"
        ? "practices.promote.submit"
        : "practices.form.submit";
  return (
    <form
      className="form form--card card practice-form"
      noValidate
      data-testid="practice-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormError form={form} testId="practice-form-alert" />
      {mode.kind === "new" && <OpeningSection {...section} rooms={rooms} />}
      <ProblemSection {...section} titled={mode.kind !== "new"} />
      <ResultsSection {...section} />
      <FactsSection {...section} />
      <MoreSection {...section} known={known} />
      {mode.kind === "promote" && sourcePosts.length > 0 && (
        <SourcePicker posts={sourcePosts} chosen={sourceIds} onToggle={toggleSource} />
      )}
      <div className="form__actions">
        <Link to={cancelTo} className="btn btn--ghost">
          {t("practices.form.cancel")}
        </Link>
        <Button type="submit" loading={form.busy} data-testid="practice-submit">
          {t(submitLabel)}
        </Button>
      </div>
    </form>
  );
}
