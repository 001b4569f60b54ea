/** What the adoptions feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** An adoption was recorded (`step` 1) or moved a step: the practice's author hears of it. */
    "adoption.stepped": { adoptionId: string; step: number };
  }
}

export {};
