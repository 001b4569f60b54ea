/** What the practices feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A practice record got a new revision: the regions adopting it hear of it. */
    "practice.edited": { threadId: string; revision: number; editorId: string };
  }
}

export {};
