export { Thread, type ThreadRecord } from "./thread.model.js";
export { loadVisibleThread } from "./thread.loader.js";
export { presentThreads, isPinned, presentThread, presentThreadFor } from "./thread.presenter.js";
export { publishThreadCreated, publishThreadUpdated, threadAudience } from "./thread.publish.js";
export { revalidateThreadAudience } from "./thread.audience.js";
export { threadPolicy } from "./thread.policy.js";
export { threadHandlers } from "./thread.commands.js";
export { extendThreadDtos, type ThreadDtoExtension } from "./thread.extensions.js";
export { postAbilities } from "./post.abilities.js";
