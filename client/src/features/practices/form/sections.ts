import type { PracticeFormState } from "./usePracticeForm";

/** What every section of the practice form gets: the draft, a way to change it, and its errors. */
export type SectionProps = Pick<PracticeFormState, "draft" | "update" | "form">;
