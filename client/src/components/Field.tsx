import { useId, type ReactNode } from "react";
import "./Field.css";

export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** Translated error text shown under the control (and announced with it). */
  error?: string | null;
  hint?: ReactNode;
  /** Appends "(opsional)"-style text after the label. */
  optionalText?: string;
  id?: string;
  testId?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, hint and error wired together with ids for screen readers. */
export function Field({ label, error, hint, optionalText, id, testId, children }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `f${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        {optionalText && <span className="field__optional"> {optionalText}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
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
export function FormAlert({ children, testId, tone = "error" }: { children: ReactNode; testId?: string; tone?: "error" | "info" }) {
  return (
    <div className={`form-alert form-alert--${tone}`} role="alert" data-testid={testId}>
      {children}
    </div>
  );
}
