import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { featureImports, findCycle } from "../../eslint/feature-graph.js";

// The boundaries rule as `pnpm lint` runs it (repo eslint.config.js), on snippets that never touch disk.
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}server/src/${file}` });
  return result.messages.filter((m) => m.ruleId === "local/feature-boundaries").map((m) => m.messageId ?? "");
}

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
