// The qa feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { createPollsSlice } from "./polls.slice";
export type { PollsSlice } from "./polls.slice";
export { bindQaSocket } from "./qa.bindings";
export { createQaSlice } from "./qa.slice";
export type { QaSlice } from "./qa.slice";
export { RoomQaSection } from "./RoomQaSection";
export { JoinCodeBox } from "./JoinCodeBox";
export { StatusBadge } from "./StatusBadge";
