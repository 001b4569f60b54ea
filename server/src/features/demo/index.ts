export { seedDemoIfEmpty, demoSeeders, DEMO_PASSWORD, presentDemoAccounts, type DemoSeeder } from "./seed.js";
