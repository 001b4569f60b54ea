import { useCallback, useMemo, useState } from "react";

export interface ActionControl<K extends string> {
  /** True while an action runs: its button spins and blocks a second click. */
  busy: boolean;
  /** Which action runs, when several buttons share one control (`run`'s key); null otherwise. */
  running: K | null;
  /**
   * Runs one action: busy meanwhile, a failure handed to `onError` (the feature's own toast or
   * message). Resolves to whether it worked; never rejects. With `leaving`, an action that navigates
   * away on success stays busy until it is gone (no flash of the button before the next page).
   */
  run: (
    work: () => Promise<unknown>,
    onError: (err: unknown) => void,
    opts?: RunOptions<K>,
  ) => Promise<boolean>;
}

export interface RunOptions<K extends string> {
  key?: K;
  leaving?: boolean;
}

/**
 * The busy flag of a button that is not a form (confirm, vote, close, block…), so no component
 * hand-rolls its own useState + try/finally. Forms use `useForm`.
 */
export function useAction<K extends string = string>(): ActionControl<K> {
  const [current, setCurrent] = useState<{ key: K | null } | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>, onError: (err: unknown) => void, opts: RunOptions<K> = {}) => {
      setCurrent({ key: opts.key ?? null });
      try {
        await work();
        if (!opts.leaving) setCurrent(null);
        return true;
      } catch (err) {
        setCurrent(null);
        onError(err);
        return false;
      }
    },
    [],
  );

  return useMemo(() => ({ busy: current !== null, running: current?.key ?? null, run }), [current, run]);
}
