import { activeSuspension, type Actor } from "./actor.js";
import { forbidden, suspended, unauthenticated } from "./errors.js";
import type { Rule } from "./policyRules.js";

/**
 * The one authorisation entry point. Services call `assertCan(actor, "thread.reply", thread)` before
 * writing; the action names and their resource types come from the feature tables merged in
 * `features/policies.ts`, so a typo or a wrong resource is a compile error.
 *
 * lib imports no feature: `features/policies.ts` (a composition root) adds the merged table's type to
 * `PolicyTable` by declaration merging and hands the table over with `registerPolicies` on import.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PolicyTable {}
export type Action = keyof PolicyTable;
export type ResourceOf<A extends Action> = PolicyTable[A] extends {
  allow(actor: never, resource: infer R): boolean;
}
  ? R
  : never;
/** Actions whose rule takes no resource are called without one. */
type ResourceArgs<A extends Action> = [ResourceOf<A>] extends [void] ? [] : [resource: ResourceOf<A>];

const table: Record<string, Rule<unknown> | undefined> = {};

/** Called once by `features/policies.ts`; a second table for the same action is a programming error. */
export function registerPolicies(rules: Record<string, Rule<never>>): void {
  for (const [action, rule] of Object.entries(rules)) {
    if (table[action]) throw new Error(`Policy rule for "${action}" registered twice`);
    table[action] = rule as Rule<unknown>;
  }
}

function ruleFor(action: string): Rule<unknown> {
  const rule = table[action];
  // Only reachable through an untyped caller; fail closed and loudly.
  if (!rule) throw new Error(`No policy rule for action "${action}"`);
  return rule;
}

/**
 * Throw unless `actor` may perform `action` on the resource:
 * - write actions: 401 UNAUTHENTICATED for guests, 403 SUSPENDED while suspended, else 403 FORBIDDEN;
 * - read actions: 401 for guests, 403 FORBIDDEN for signed-in actors.
 * (Features that must hide a resource's existence check `can()` and throw NOT_FOUND instead.)
 */
export function assertCan<A extends Action>(actor: Actor | null, action: A, ...args: ResourceArgs<A>): void {
  const rule = ruleFor(action);
  const resource: unknown = args[0];
  if (rule.kind === "write") {
    if (!actor) throw unauthenticated();
    const until = activeSuspension(actor);
    if (until) throw suspended(until);
    if (!rule.allow(actor, resource)) throw forbidden();
    return;
  }
  if (!rule.allow(actor, resource)) throw actor ? forbidden() : unauthenticated();
}

/**
 * The same decision as a boolean, for presenters (which buttons to show, several per DTO) and
 * not-found-style checks. It answers exactly when `assertCan` would pass, without building errors.
 */
export function can<A extends Action>(actor: Actor | null, action: A, ...args: ResourceArgs<A>): boolean {
  const rule = ruleFor(action);
  const resource: unknown = args[0];
  if (rule.kind === "write") return actor !== null && !activeSuspension(actor) && rule.allow(actor, resource);
  return rule.allow(actor, resource);
}
