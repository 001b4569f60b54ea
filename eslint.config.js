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
  ["posts"],
  ["readstate"],
  ["practices"],
  ["moderation"],
  ["qa"],
  ["search", "sharing", "home"],
  ["watching"],
  ["notifications"],
  ["demo"],
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
      "local/feature-boundaries": ["error", { roots: ["server/src"], layers: SERVER_LAYERS }],
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
