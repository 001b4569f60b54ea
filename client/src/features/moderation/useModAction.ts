import { useCallback } from "react";
import { useAction } from "../../components/form/useAction";
import { useLocale, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";

/** Toasts a failed moderation command, translated by its code. */
export function useModErrorToast() {
  const locale = useLocale();
  const toast = useStore((s) => s.pushToast);
  return useCallback(
    (err: unknown) => {
      const { key, params } = forumError(err, locale);
      toast({ tone: "error", message: key, params });
    },
    [locale, toast],
  );
}

/**
 * Runs a moderation command and says how it went in a toast: the success message on success, the
 * translated error otherwise (by code). Resolves to whether it worked; dialogs that show their own
 * errors call the store directly instead.
 */
export function useModAction() {
  const toast = useStore((s) => s.pushToast);
  const failed = useModErrorToast();
  return useCallback(
    async (run: () => Promise<unknown>, done: MessageKey): Promise<boolean> => {
      try {
        await run();
        toast({ tone: "success", message: done });
        return true;
      } catch (err) {
        failed(err);
        return false;
      }
    },
    [toast, failed],
  );
}

/**
 * `useModAction` for a card's main button: also says whether its action is running, so the button
 * spins and cannot be pressed twice.
 */
export function usePendingModAction() {
  const toast = useStore((s) => s.pushToast);
  const failed = useModErrorToast();
  const { busy, run } = useAction();
  const runPending = useCallback(
    (action: () => Promise<unknown>, done: MessageKey): Promise<boolean> =>
      run(async () => {
        await action();
        toast({ tone: "success", message: done });
      }, failed),
    [run, toast, failed],
  );
  return [busy, runPending] as const;
}
