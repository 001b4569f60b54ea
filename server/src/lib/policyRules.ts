import type { Actor } from "./actor.js";

/**
 * Building blocks for feature policy tables (`features/<f>/<f>.policy.ts`). Kept apart from
 * `policy.ts` so tables can import them without an import cycle through the merged table.
 *
 * A rule is a pure predicate. `write` rules only ever see a signed-in actor (guests are refused
 * with 401 before the rule runs, suspended actors with 403 SUSPENDED); `read` rules also see guests
 * (`null`) and suspended actors.
 */
export interface WriteRule<R> {
  kind: "write";
  // Method syntax on purpose: it lets the merged table be read as `Rule<unknown>` by the dispatcher,
  // while `assertCan` still types each action's resource exactly.
  allow(actor: Actor, resource: R): boolean;
}
export interface ReadRule<R> {
  kind: "read";
  allow(actor: Actor | null, resource: R): boolean;
}
export type Rule<R> = WriteRule<R> | ReadRule<R>;

export const write = <R = void>(allow: (actor: Actor, resource: R) => boolean): WriteRule<R> => ({
  kind: "write",
  allow,
});
export const read = <R = void>(allow: (actor: Actor | null, resource: R) => boolean): ReadRule<R> => ({
  kind: "read",
  allow,
});

/** Identity helper that keeps each action's resource type for `assertCan`. */
export const definePolicy = <T extends Record<string, Rule<never>>>(table: T): T => table;

export const isStaff = (actor: Actor | null) => actor?.role === "admin" || actor?.role === "moderator";
export const isAdmin = (actor: Actor | null) => actor?.role === "admin";
