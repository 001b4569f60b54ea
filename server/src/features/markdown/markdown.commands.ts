import { markdownCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { renderBody } from "./markdown.service.js";

/**
 * The composer's preview tab. Rendering on the server means the preview is exactly what the post will
 * show (same sanitiser, same mention lookup) and the client ships no second Markdown renderer.
 */
export const markdownHandlers = [
  handle(markdownCommands.preview, async ({ body }) => {
    const rendered = await renderBody(body);
    return { html: rendered.html, mentions: rendered.mentions };
  }),
];
