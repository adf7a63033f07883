import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NEXT_LINK = { name: "next/link", message: "Import Link from @/components/link: app links do not prefetch." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a deliberately unused name, e.g. a property dropped by a rest pattern.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Every journey runs under the Content-Security-Policy watch in tests/e2e/fixtures.ts.
    files: ["tests/e2e/**/*.ts"],
    ignores: ["tests/e2e/fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./fixtures: it fails a test on any Content-Security-Policy violation.",
            },
          ],
        },
      ],
    },
  },
  // Unit test files share their workers' modules (isolate: false in vitest.config.mts): a module mocked
  // in one would stay mocked for the next file. Tests that mock modules are integration tests.
  {
    files: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "vi", property: "mock", message: "Unit tests share modules (vitest.config.mts): no vi.mock here." },
        { object: "vi", property: "doMock", message: "Unit tests share modules (vitest.config.mts): no vi.doMock here." },
      ],
    },
  },
  // Links never prefetch (src/components/link.tsx says why).
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/components/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [NEXT_LINK] }],
    },
  },
  // The layers of ARCHITECTURE.md, enforced: the domain is pure, and UI pieces never reach the server.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/server/*", "@/app/*", "@/components/*", "@/lib/*", "**/server/**", "**/app/**"], message: "src/domain imports nothing outside src/domain." },
            { group: ["@/generated/*", "**/generated/**", "@prisma/*", "next", "next/*", "react", "react-dom", "server-only"], message: "src/domain is pure TypeScript: no Prisma, Next or React." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/components/**/*.ts", "src/components/**/*.tsx"],
    ignores: ["src/components/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NEXT_LINK],
          patterns: [{ group: ["@/server/*", "**/server/**", "@/generated/*", "**/generated/**"], message: "Components get data as props; only src/server touches the database or the session." }],
        },
      ],
    },
  },
  globalIgnores([
    "node_modules/**",
    ".next/**",
    "src/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
]);
