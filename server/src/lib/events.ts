import { logger } from "./logger.js";

/**
 * The in-process domain-event bus: a lower feature announces a change (`await domainEvents.emit(
 * "post.changed", {postId})`) without importing the features that react to it (search, notifications).
 * Features add their events to `DomainEvents` by declaration merging:
 *   declare module "../../lib/events.js" { interface DomainEvents { "post.changed": { postId: string } } }
 * `emit` waits for every handler; a handler's failure is logged and never fails the write that emitted.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEvents {}

type Handler<P> = (payload: P) => void | Promise<void>;

const handlers = new Map<string, Array<Handler<never>>>();

export const domainEvents = {
  on<E extends keyof DomainEvents>(event: E, handler: Handler<DomainEvents[E]>): () => void {
    const list = handlers.get(event as string) ?? [];
    list.push(handler as Handler<never>);
    handlers.set(event as string, list);
    return () => {
      const at = list.indexOf(handler as Handler<never>);
      if (at !== -1) list.splice(at, 1);
    };
  },
  async emit<E extends keyof DomainEvents>(event: E, payload: DomainEvents[E]): Promise<void> {
    for (const handler of handlers.get(event as string) ?? []) {
      try {
        await (handler as Handler<DomainEvents[E]>)(payload);
      } catch (err) {
        logger.error({ err, event }, "domain event handler failed");
      }
    }
  },
};
