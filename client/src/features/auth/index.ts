// The auth feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { createSessionSlice } from "./session.slice";
export type { SessionSlice } from "./session.slice";
export { AuthLayout } from "./AuthLayout";
export { LoginPage } from "./LoginPage";
export { RegisterPage } from "./RegisterPage";
export { RequireAuth } from "./RequireAuth";
