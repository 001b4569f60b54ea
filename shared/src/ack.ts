import type { ErrorBody } from "./errors.js";

/** The only shape a socket command acknowledges with. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckFn<T> = (res: Ack<T>) => void;
