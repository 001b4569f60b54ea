// The posts feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { newClientId, readAllDrafts, readAllOutboxes } from "./outbox";
export type { QuoteRef } from "./outbox";
export { bindPostsSocket } from "./posts.bindings";
export { createPostsSlice, postSelectors } from "./posts.slice";
export type { PostsSlice } from "./posts.slice";
export { Composer } from "./Composer";
export { ConnectionBanner, PresenceAvatars } from "./LiveBits";
export { MarkdownEditor } from "./MarkdownEditor";
export { PostAuthor } from "./PostAuthor";
export { PostList } from "./PostList";
