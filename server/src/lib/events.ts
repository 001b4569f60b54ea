import { logger } from "./logger.js";

/**
 * In-process domain events: how a feature announces a change to features above it without
 * importing them (posts announce `post.changed`; search and notifications listen). Each feature
 * declares its events by merging into `DomainEvents`:
 *
 *   declare module "../../lib/events.js" {
 *     interface DomainEvents { "post.changed": { postId: string } }
 *   }
 *
 * Listeners run after the write that emitted, in registration order; one that throws is logged and
 * never fails the write. Events reach listeners in this process only: whatever must survive a crash
 * or reach every process is stored by the listener (search writes its index; notifications queue).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface DomainEvents {}

type Listener<E> = (event: E) => void | Promise<void>;

const listeners = new Map<string, Array<Listener<never>>>();

export const domainEvents = {
  on<K extends keyof DomainEvents>(kind: K, fn: Listener<DomainEvents[K]>): () => void {
    const list = listeners.get(kind as string) ?? [];
    list.push(fn as Listener<never>);
    listeners.set(kind as string, list);
    return () => {
      const current = listeners.get(kind as string) ?? [];
      listeners.set(
        kind as string,
        current.filter((l) => l !== fn),
      );
    };
  },

  async emit<K extends keyof DomainEvents>(kind: K, event: DomainEvents[K]): Promise<void> {
    for (const fn of listeners.get(kind as string) ?? []) {
      try {
        await (fn as Listener<DomainEvents[K]>)(event);
      } catch (err) {
        logger.error({ err, kind }, "domain event listener failed");
      }
    }
  },
};
