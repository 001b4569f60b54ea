export { Thread, type ThreadRecord } from "./thread.model.js";
export { createThread } from "./thread.service.js";
export { loadVisibleThread } from "./thread.loader.js";
export { presentThreads, isPinned, presentThread, presentThreadFor } from "./thread.presenter.js";
export { publishThreadUpdated, threadAudience } from "./thread.publish.js";
export { revalidateThreadAudience } from "./thread.audience.js";
export { threadPolicy } from "./thread.policy.js";
export { threadHandlers } from "./thread.commands.js";
export { addThreadViewerFields, type ThreadViewerFields } from "./thread.viewerFields.js";
