import { ConfigError } from "../config.js";

/**
 * Runs a script's `main` and exits with the code it returns. A failure prints what a person can act
 * on, never a stack trace: a bad setting's message, what `explain` makes of the error (a script's own
 * known failures), or else the error's message.
 */
export function runScript(
  main: () => Promise<number>,
  explain: (err: unknown) => string | undefined = () => undefined,
): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const message =
        err instanceof ConfigError
          ? err.message
          : (explain(err) ?? (err instanceof Error ? err.message : String(err)));
      process.stderr.write(`${message}\n`);
      process.exit(1);
    },
  );
}
