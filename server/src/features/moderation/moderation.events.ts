/** What the moderation feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A row was added to the audit log (notifications tell whom it concerns). */
    "moderation.recorded": { modActionId: string };
  }
}

export {};
