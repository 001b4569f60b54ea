// The moderation feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindModerationSocket } from "./moderation.bindings";
export { createModerationSlice } from "./moderation.slice";
export type { ModerationSlice } from "./moderation.slice";
export { FeaturedThreads } from "./FeaturedThreads";
export { ModCard, ModOutcome } from "./ModCard";
export { DecisionButtons } from "./DecisionButtons";
export { ModerationNavItem } from "./ModerationNavItem";
export { PostModTools, PostModerationNote } from "./PostModTools";
export { ReasonDialog } from "./ReasonDialog";
export { ThreadModerationBar } from "./ThreadModerationBar";
export { useModAction, usePendingModAction } from "./useModAction";
