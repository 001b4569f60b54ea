import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

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
