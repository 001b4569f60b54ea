// The practices feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindPracticesSocket } from "./practices.live";
export { createPracticesSlice } from "./practices.slice";
export type { PracticesSlice } from "./practices.slice";
export { PracticesNavItems } from "./PracticesNav";
export { PromoteLink } from "./PromoteLink";
export { PracticeCard } from "./PracticeCard";
export { StageBadge } from "./PracticeBits";
