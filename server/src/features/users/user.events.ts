/** What the users feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A user's role or verification changed: their live sockets re-check what they may still see. */
    "user.accessChanged": { userId: string };
  }
}

export {};
