import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { featureImports, findCycle } from "../../eslint/feature-graph.js";

// The boundaries rule as `pnpm lint` runs it (repo eslint.config.js), on snippets that never touch disk.
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, code: string, root = "server/src"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${root}/${file}` });
  return result.messages.filter((m) => m.ruleId === "local/feature-boundaries").map((m) => m.messageId ?? "");
}

const clientErrors = (file: string, code: string) => boundaryErrors(file, code, "client/src");

describe("feature boundaries (eslint local/feature-boundaries)", () => {
  it("refuses lib importing a feature", async () => {
    const errors = await boundaryErrors("lib/x.ts", `export { User } from "../features/users/index.js";\n`);
    expect(errors).toEqual(["libImportsFeature"]);
  });

  it("refuses a deep import into another feature", async () => {
    const errors = await boundaryErrors(
      "features/posts/x.ts",
      `export { User } from "../users/user.model.js";\n`,
    );
    expect(errors).toEqual(["deepImport"]);
  });

  it("refuses an import up the layer order, so two features can never import each other", async () => {
    expect(
      await boundaryErrors("features/posts/x.ts", `export { Room } from "../rooms/index.js";\n`),
    ).toEqual([]);
    expect(
      await boundaryErrors("features/rooms/x.ts", `export { Post } from "../posts/index.js";\n`),
    ).toEqual(["upward"]);
    // Same layer counts as up: neither may import the other.
    expect(await boundaryErrors("features/mail/x.ts", `export { x } from "../taxonomy/index.js";\n`)).toEqual(
      ["upward"],
    );
  });

  it("refuses a feature importing the composition root", async () => {
    const errors = await boundaryErrors(
      "features/posts/x.ts",
      `export { policies } from "../policies.js";\n`,
    );
    expect(errors).toEqual(["compositionRoot"]);
  });

  it("lets composition roots use front doors and tests reach inside", async () => {
    expect(
      await boundaryErrors("app.ts", `export { userRouter } from "./features/users/index.js";\n`),
    ).toEqual([]);
    expect(
      await boundaryErrors("app.ts", `export { User } from "./features/users/user.model.js";\n`),
    ).toEqual(["deepImport"]);
    expect(
      await boundaryErrors("features/rooms/x.test.ts", `export { Post } from "../posts/post.model.js";\n`),
    ).toEqual([]);
  });
});

describe("the feature graph (eslint/feature-graph.js)", () => {
  it("finds a cycle between features", () => {
    const graph = new Map([
      ["rooms", new Set(["users"])],
      ["threads", new Set(["rooms", "posts"])],
      ["posts", new Set(["rooms", "readstate"])],
      ["readstate", new Set(["threads"])],
      ["users", new Set<string>()],
    ]);
    expect(findCycle(graph)).toEqual(["posts", "readstate", "threads", "posts"]);
    graph.set("readstate", new Set(["rooms"]));
    expect(findCycle(graph)).toBeNull();
  });

  it("has no cycle between the server's features", () => {
    const graph = featureImports(fileURLToPath(new URL(".", import.meta.url)));
    expect(graph.get("posts")).toContain("threads");
    expect(findCycle(graph)).toBeNull();
  });
});

describe("client feature boundaries (same rule, client/src)", () => {
  it("refuses lib/ and components/ importing a feature", async () => {
    expect(await clientErrors("lib/x.ts", `export { OfficeMark } from "../features/users";\n`)).toEqual([
      "libImportsFeature",
    ]);
    expect(
      await clientErrors("components/X.tsx", `export { PostAuthor } from "../features/posts";\n`),
    ).toEqual(["libImportsFeature"]);
  });

  it("refuses a deep import into another feature, and takes the folder as its front door", async () => {
    expect(
      await clientErrors("features/threads/x.ts", `export { OfficeMark } from "../users/UserBadges";\n`),
    ).toEqual(["deepImport"]);
    expect(await clientErrors("features/threads/x.ts", `export { OfficeMark } from "../users";\n`)).toEqual(
      [],
    );
    expect(
      await clientErrors("features/threads/x.ts", `export { OfficeMark } from "../users/index";\n`),
    ).toEqual([]);
  });

  it("refuses an import up the client's layer order, so features form no cycle", async () => {
    expect(await clientErrors("features/users/x.ts", `export { ThreadList } from "../threads";\n`)).toEqual([
      "upward",
    ]);
    // Same layer counts as up.
    expect(await clientErrors("features/admin/x.ts", `export { PostList } from "../posts";\n`)).toEqual([
      "upward",
    ]);
  });

  it("lets app/ and store/ compose features: front doors, lazy pages, dictionaries", async () => {
    expect(
      await clientErrors("store/x.ts", `export { createPostsSlice } from "../features/posts";\n`),
    ).toEqual([]);
    // A lazy route loads the page module itself, so it stays out of the first chunk.
    expect(
      await clientErrors("app/x.ts", `export const load = () => import("../features/threads/ThreadPage");\n`),
    ).toEqual([]);
    expect(
      await clientErrors("app/x.ts", `export { ThreadPage } from "../features/threads/ThreadPage";\n`),
    ).toEqual(["deepImport"]);
    expect(await clientErrors("app/x.ts", `export { en } from "../features/posts/messages.en";\n`)).toEqual(
      [],
    );
    expect(
      await clientErrors("features/threads/x.ts", `export { en } from "../posts/messages.en";\n`),
    ).toEqual(["deepImport"]);
  });
});
