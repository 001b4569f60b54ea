import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import local from "./eslint/feature-boundaries.js";

/**
 * Server features, lowest layer first: a feature imports only features of lower layers (through their
 * index.ts), so the feature graph has no cycle. See eslint/feature-boundaries.js.
 */
const SERVER_LAYERS = [
  ["taxonomy", "mail", "audit"],
  ["users"],
  ["markdown", "auth"],
  ["presence"],
  ["rooms"],
  ["threads"],
  ["readstate"],
  ["posts"],
  ["moderation"],
  ["adoptions"],
  ["practices"],
  ["qa"],
  ["search"],
  ["watching"],
  ["notifications"],
  ["demo"],
];

/** Upward imports that exist today, each to be inverted; a new one fails lint. */
const SERVER_KNOWN_DEBT = [
  "features/adoptions/adoption.service.ts -> practices",
  "features/moderation/thread.moderation.ts -> practices",
  "features/readstate/readState.service.ts -> posts",
  "features/rooms/room.service.ts -> readstate",
  "features/rooms/room.service.ts -> threads",
  "features/threads/thread.presenter.ts -> practices",
  "features/threads/thread.presenter.ts -> readstate",
  "features/threads/thread.abilities.ts -> posts",
  "features/threads/thread.commands.ts -> posts",
  "features/threads/thread.commands.ts -> readstate",
  "features/threads/thread.service.ts -> moderation",
  "features/threads/thread.service.ts -> posts",
  "features/threads/thread.service.ts -> practices",
  "features/threads/thread.service.ts -> readstate",
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "e2e/artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
    },
  },
  {
    files: ["server/src/**/*.ts"],
    plugins: { local },
    rules: {
      "local/feature-boundaries": [
        "error",
        { roots: ["server/src"], layers: SERVER_LAYERS, knownDebt: SERVER_KNOWN_DEBT },
      ],
    },
  },
  {
    // The hooks rules (and React Compiler's checks in the recommended set) for the browser app; a
    // missing effect dependency is a bug, not a warning.
    files: ["client/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs["recommended-latest"].rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
