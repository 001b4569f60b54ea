export {
  seedDemoIfEmpty,
  demoSeeders,
  DEMO_PASSWORD,
  presentDemoAccounts,
  type DemoSeeder,
  type DemoContext,
} from "./seed.js";
export type { DemoUserSpec, DemoUserKey } from "./demo.users.js";
