import { useCallback, useMemo, useState } from "react";
import type { z } from "zod";
import type { Locale } from "@rembuk/shared";
import { isApiError, type ApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issueText, issuesFromApi, validate, type FieldIssues } from "../../lib/validation";

/** A translated message, as the form-level alert shows it. */
export type Described = { key: MessageKey; params?: MessageParams };
/**
 * Turns a failed send into the form-level message (the feature's own error words, e.g. `forumError`);
 * null when the field errors say it all.
 */
export type Describe = (err: unknown, locale: Locale) => Described | null;

export interface FormOptions {
  /** Defaults to `describeError`. */
  describe?: Describe;
  /**
   * The field errors a failed send puts under the fields; defaults to a VALIDATION answer's
   * `fieldErrors` (`validationIssues`). A form may map other codes to a field (EMAIL_TAKEN → email).
   */
  fieldIssues?: (err: ApiError) => FieldIssues | null;
}

export interface FormControl {
  /** True while a send runs: the submit button spins and blocks a second click. */
  busy: boolean;
  issues: FieldIssues;
  /** The form-level message (shown by `<FormError>`), or null. */
  alert: Described | null;
  /** The translated error under one field, by dotted path (`cost.amount`). */
  error: (path: string) => string | undefined;
  /** A check before sending failed: show these field issues (and a form-level message), send nothing. */
  fail: (issues: FieldIssues, alert?: Described) => void;
  /** Parses values with a (shared) schema; on failure shows its issues (only) and returns null. */
  check: <S extends z.ZodType>(schema: S, values: unknown) => z.output<S> | null;
  /**
   * Runs one send: clears old messages, is busy meanwhile, and on failure shows the server's field
   * errors (VALIDATION) and the translated message. Resolves to whether it worked; never rejects.
   * With `leaving`, a form that navigates away on success stays busy until it is gone (no second
   * send, no flash of the signed-in redirect).
   */
  submit: (send: () => Promise<unknown>, opts?: { leaving?: boolean }) => Promise<boolean>;
  /** Forgets every message (e.g. when a dialog's form starts over). */
  clear: () => void;
}

/** A VALIDATION answer's field errors, keyed as the server names the fields. */
export function validationIssues(err: ApiError): FieldIssues | null {
  return err.code === "VALIDATION" ? issuesFromApi(err) : null;
}

/**
 * The one way a form in this app tracks sending and its errors, so no form hand-rolls its own busy
 * flag, field-error map and alert. Values stay in the form's own state; this holds what the server
 * (or a schema) said about them.
 */
export function useForm(options: FormOptions = {}): FormControl {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<Described | null>(null);
  const describe = options.describe ?? describeError;
  const fieldIssues = options.fieldIssues ?? validationIssues;

  const fail = useCallback((found: FieldIssues, message?: Described) => {
    setIssues(found);
    setAlert(message ?? null);
  }, []);

  const check = useCallback(<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
    const parsed = validate(schema, values);
    if (parsed.ok) return parsed.data;
    setIssues(parsed.issues);
    setAlert(null);
    return null;
  }, []);

  const submit = useCallback(
    async (send: () => Promise<unknown>, opts: { leaving?: boolean } = {}) => {
      setIssues({});
      setAlert(null);
      setBusy(true);
      try {
        await send();
        if (!opts.leaving) setBusy(false);
        return true;
      } catch (err) {
        setBusy(false);
        if (isApiError(err)) setIssues(fieldIssues(err) ?? {});
        setAlert(describe(err, locale));
        return false;
      }
    },
    [describe, fieldIssues, locale],
  );

  const clear = useCallback(() => {
    setIssues({});
    setAlert(null);
  }, []);

  return useMemo(
    () => ({
      busy,
      issues,
      alert,
      error: (path: string) => issueText(t, issues[path]),
      fail,
      check,
      submit,
      clear,
    }),
    [busy, issues, alert, t, fail, check, submit, clear],
  );
}
