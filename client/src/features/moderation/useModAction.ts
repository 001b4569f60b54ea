import { useCallback } from "react";
import { useLocale, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../posts";

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
