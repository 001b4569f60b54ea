import { useCallback, useState } from "react";
import { useLocale, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";

/**
 * Runs a moderation command and says how it went in a toast: the success message on success, the
 * translated error otherwise (by code). Resolves to whether it worked; dialogs that show their own
 * errors call the store directly instead.
 */
export function useModAction() {
  const locale = useLocale();
  const toast = useStore((s) => s.pushToast);
  return useCallback(
    async (run: () => Promise<unknown>, done: MessageKey): Promise<boolean> => {
      try {
        await run();
        toast({ tone: "success", message: done });
        return true;
      } catch (err) {
        const { key, params } = forumError(err, locale);
        toast({ tone: "error", message: key, params });
        return false;
      }
    },
    [locale, toast],
  );
}

/**
 * `useModAction` for a card's main button: also says whether its action is running, so the button
 * spins and cannot be pressed twice.
 */
export function usePendingModAction() {
  const run = useModAction();
  const [busy, setBusy] = useState(false);
  const runPending = useCallback(
    async (action: () => Promise<unknown>, done: MessageKey): Promise<boolean> => {
      setBusy(true);
      const ok = await run(action, done);
      setBusy(false);
      return ok;
    },
    [run],
  );
  return [busy, runPending] as const;
}
