import { Field } from "../../components/Field";
import { useT } from "../../lib/i18n";

type Pair = { id: string; en: string };

/**
 * One text in both languages, side by side (Indonesian first): a room's name or description. Field
 * errors come by language (`name.id`, `name.en`) as the server and the schema name them.
 */
export function BilingualFields({
  value,
  onChange,
  labels,
  errors,
  maxLength,
  multiline = false,
  optional = false,
  testId,
}: {
  value: Pair;
  onChange: (next: Pair) => void;
  labels: Pair;
  errors: { id?: string; en?: string };
  maxLength: number;
  /** A textarea of three rows instead of one line. */
  multiline?: boolean;
  optional?: boolean;
  /** `room-form-name` → `room-form-name-id`, `room-form-name-en`. */
  testId?: string;
}) {
  const t = useT();
  return (
    <div className="room-form__pair">
      {(["id", "en"] as const).map((lang) => (
        <Field
          key={lang}
          label={labels[lang]}
          optionalText={optional ? t("ui.optional") : undefined}
          error={errors[lang]}
        >
          {(c) =>
            multiline ? (
              <textarea
                {...c}
                className="input textarea"
                rows={3}
                maxLength={maxLength}
                value={value[lang]}
                data-testid={testId && `${testId}-${lang}`}
                onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
              />
            ) : (
              <input
                {...c}
                className="input"
                value={value[lang]}
                maxLength={maxLength}
                data-testid={testId && `${testId}-${lang}`}
                onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
              />
            )
          }
        </Field>
      ))}
    </div>
  );
}
