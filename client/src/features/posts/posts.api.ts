import { z } from "zod";
import {
  MarkdownPreviewDto,
  PostDto,
  PostRevisionDto,
  type PostCreateInput,
  type ReactionKind,
} from "@rembuk/shared";
import { api } from "../../lib/api";

const PostBody = z.object({ post: PostDto });
const PostPage = z.object({ posts: z.array(PostDto), headSeq: z.number().int(), hasMore: z.boolean() });
const History = z.object({ revisions: z.array(PostRevisionDto) });

/**
 * Posts over REST (DESIGN.md §5). The live page prefers the socket commands; these serve the first
 * load without a socket, paging back through history, and writes while the socket is down.
 */
export const postsApi = {
  /** `afterSeq` pages forward, `beforeSeq` returns the `limit` posts just before it (ascending). */
  list: (
    threadId: string,
    query: { afterSeq?: number; beforeSeq?: number; limit?: number },
    signal?: AbortSignal,
  ) => api.get(`/threads/${threadId}/posts`, PostPage, { query, signal }),
  /** 201 for a new post; the same `clientId` again answers 200 with the original. */
  create: async (threadId: string, input: PostCreateInput) =>
    (await api.post(`/threads/${threadId}/posts`, input, PostBody)).post,
  update: async (postId: string, body: string) =>
    (await api.patch(`/posts/${postId}`, { body }, PostBody)).post,
  remove: async (postId: string) => (await api.del(`/posts/${postId}`, PostBody)).post,
  react: async (postId: string, kind: ReactionKind, active: boolean) =>
    (await api.post(`/posts/${postId}/reactions`, { kind, active }, PostBody)).post,
  history: async (postId: string, signal?: AbortSignal) =>
    (await api.get(`/posts/${postId}/history`, History, { signal })).revisions,
  preview: (body: string, signal?: AbortSignal) =>
    api.post("/markdown/preview", { body }, MarkdownPreviewDto, { signal }),
};
