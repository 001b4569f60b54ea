/**
 * Whether several server processes share this database (REDIS_URL set): then in-memory tallies
 * hold only this process's writes, and counts are read from (or kept in) the shared stores instead.
 * Set once at start by the app.
 */
let shared = false;

export function setSharedCounters(on: boolean): void {
  shared = on;
}

export const sharedCounters = () => shared;
