import { FormAlert } from "../Field";
import { useT } from "../../lib/i18n";
import type { FormControl } from "./useForm";

/** The form-level message of a `useForm` form, announced when it appears; nothing while there is none. */
export function FormError({ form, testId }: { form: Pick<FormControl, "alert">; testId?: string }) {
  const t = useT();
  if (!form.alert) return null;
  return <FormAlert testId={testId}>{t(form.alert.key, form.alert.params)}</FormAlert>;
}
