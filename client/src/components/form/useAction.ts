import { useCallback, useMemo, useState } from "react";

export interface ActionControl<K extends string> {
  /** True while an action runs: its button spins and blocks a second click. */
  busy: boolean;
  /** Which action runs, when several buttons share one control (`run`'s key); null otherwise. */
  running: K | null;
  /**
   * Runs one action: busy meanwhile, a failure handed to `onError` (the feature's own toast or
   * message). Resolves to whether it worked; never rejects.
   */
  run: (work: () => Promise<unknown>, onError: (err: unknown) => void, key?: K) => Promise<boolean>;
}

/**
 * The busy flag of a button that is not a form (confirm, vote, close, block…), so no component
 * hand-rolls its own useState + try/finally. Forms use `useForm`.
 */
export function useAction<K extends string = string>(): ActionControl<K> {
  const [current, setCurrent] = useState<{ key: K | null } | null>(null);

  const run = useCallback(async (work: () => Promise<unknown>, onError: (err: unknown) => void, key?: K) => {
    setCurrent({ key: key ?? null });
    try {
      await work();
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setCurrent(null);
    }
  }, []);

  return useMemo(() => ({ busy: current !== null, running: current?.key ?? null, run }), [current, run]);
}
