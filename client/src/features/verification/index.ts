// The verification feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindVerificationSocket } from "./verification.bindings";
export { createVerificationSlice, verificationSelectors } from "./verification.slice";
export type { VerificationSlice } from "./verification.slice";
export { ProfileVerificationTools } from "./ProfileVerificationTools";
export { VerificationSection } from "./VerificationSection";
export { VerificationsTab } from "./VerificationsTab";
