/** Watching: how each person follows threads, rooms and tags (docs/notifications.md). */
import "./watch.extensions.js";
export { watchHandlers } from "./watching.commands.js";
export { autoWatch, levelsFor, watchersOf, type WatchedPlace } from "./watch.service.js";
export { Watch } from "./watch.model.js";
