import { MarkdownPreviewDto, MarkdownPreviewInput } from "../schemas/posts.js";
import { defineCommand } from "./define.js";

/** The composer's preview, rendered by the code that renders posts so the two cannot drift. */
export const markdownCommands = {
  preview: defineCommand({
    name: "markdown.preview",
    summary: "How a body will look once posted (members; nothing is stored, so it spends the read budget)",
    input: MarkdownPreviewInput,
    output: MarkdownPreviewDto,
    auth: "member",
    limit: "read",
    http: { method: "POST", path: "/markdown/preview" },
  }),
} as const;
