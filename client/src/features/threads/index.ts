// The threads feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindThreadsSocket } from "./threads.bindings";
export { createThreadsSlice } from "./threads.slice";
export type { ThreadsSlice } from "./threads.slice";
export { NewThreadForm } from "./NewThreadForm";
export { MarkRoomRead, SortTabs, ThreadList, ThreadRow } from "./ThreadList";
export { ThreadPage } from "./ThreadPage";
