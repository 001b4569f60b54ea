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

/**
 * Client features, lowest first, by the same rule (a feature imports lower layers only, through their
 * index.ts). `lib/` and `components/` import no feature; `app/` (routes, providers, dictionaries) and
 * `store/` (the one store built from every slice) compose features.
 * The last layer holds the features nothing imports: pages and the shell around them.
 */
const CLIENT_LAYERS = [
  ["auth", "regions", "notifications"],
  ["users"],
  ["admin", "posts", "qa"],
  ["rooms", "verification"],
  ["moderation", "search"],
  ["practices"],
  ["threads"],
  ["account", "home", "outbox", "shell"],
];

/** Upward imports on the client that remain, each to be inverted (a slot the page fills); a new one fails lint. */
const CLIENT_KNOWN_DEBT = [
  "features/posts/PostItem.tsx -> moderation",
  "features/rooms/RoomPage.tsx -> threads",
  "features/users/ProfileActivity.tsx -> rooms",
  "features/users/ProfilePage.tsx -> verification",
  "features/verification/ProfileVerificationTools.tsx -> moderation",
  "features/verification/VerificationCard.tsx -> moderation",
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
    files: ["client/src/**/*.{ts,tsx}"],
    plugins: { local },
    rules: {
      "local/feature-boundaries": [
        "error",
        {
          roots: ["client/src"],
          layers: CLIENT_LAYERS,
          knownDebt: CLIENT_KNOWN_DEBT,
          libs: ["lib", "components"],
          // app/messages.*.ts gathers every feature's dictionary into one chunk per language.
          rootMayOpen: ["^messages\\.(id|en)(\\.ts)?$"],
        },
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
