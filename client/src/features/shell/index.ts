// The shell feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { createConnectionSlice } from "./connection.slice";
export type { ConnectionSlice } from "./connection.slice";
export { createLocaleSlice } from "./locale.slice";
export type { LocaleSlice } from "./locale.slice";
export { createToastsSlice } from "./toasts.slice";
export type { ToastsSlice } from "./toasts.slice";
export { AppShell } from "./AppShell";
export { NotFoundPage } from "./NotFoundPage";
