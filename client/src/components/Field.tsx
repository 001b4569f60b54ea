import { useId, type ReactNode } from "react";
import "./Field.css";

export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required"?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** Translated error text shown under the control (and announced with it). */
  error?: string | null;
  hint?: ReactNode;
  /** Appends "(opsional)"-style text after the label. */
  optionalText?: string;
  /** Marks the field required: a visible "*" (explained in the form's lead) and this text for screen readers. */
  requiredText?: string;
  /**
   * Live feedback under the control while the person types (a character count, how a number was
   * read); announced politely and linked to the control. Pass `null` while there is nothing to say.
   */
  status?: ReactNode;
  id?: string;
  testId?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, hint and error wired together with ids for screen readers. */
export function Field({
  label,
  error,
  hint,
  optionalText,
  requiredText,
  status,
  id,
  testId,
  children,
}: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `f${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const statusId = `${controlId}-status`;
  const describedBy = [hintId, status ? statusId : undefined, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        {optionalText && <span className="field__optional"> {optionalText}</span>}
        {requiredText && (
          <>
            <span className="field__required" aria-hidden="true">
              {" "}
              *
            </span>
            <span className="sr-only"> ({requiredText})</span>
          </>
        )}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        ...(requiredText ? { "aria-required": true as const } : {}),
      })}
      {/* Rendered (hidden) while empty when the form uses it, so the live region exists before its first message. */}
      {status !== undefined && (
        <p
          className="field__status"
          id={statusId}
          aria-live="polite"
          hidden={!status}
          data-testid={testId ? `${testId}-status` : undefined}
        >
          {status}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} data-testid={testId ? `${testId}-error` : undefined}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="field__error-icon">
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M8 4.2v4.6M8 10.9v.9" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          {error}
        </p>
      )}
    </div>
  );
}

/** A form-level message (e.g. wrong password) announced when it appears. */
export function FormAlert({
  children,
  testId,
  tone = "error",
}: {
  children: ReactNode;
  testId?: string;
  tone?: "error" | "info";
}) {
  return (
    <div className={`form-alert form-alert--${tone}`} role="alert" data-testid={testId}>
      {children}
    </div>
  );
}
