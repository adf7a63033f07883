import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every module under src/server starts with `import "server-only"`, so a client component that imports
// one (and with it the database, the secrets, the audit log) fails the build instead of shipping it.
const SERVER = join(process.cwd(), "src/server");
const GUARD = 'import "server-only";';

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    // Declarations (.d.ts) compile to nothing: there is no code to guard.
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The modules whose first statement is not the guard (comments before it are allowed). */
function unguarded(files: { path: string; source: string }[]): string[] {
  return files
    .filter(({ source }) => {
      const withoutComments = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/g, "").trimStart();
      return !withoutComments.startsWith(GUARD);
    })
    .map(({ path }) => path);
}

describe("server modules", () => {
  it("every one starts with import \"server-only\"", () => {
    const files = modules(SERVER).map((path) => ({ path: relative(process.cwd(), path), source: readFileSync(path, "utf8") }));
    expect(files.length).toBeGreaterThan(80);
    expect(unguarded(files)).toEqual([]);
  });

  it("the check notices a module without the guard, or with it after other code", () => {
    expect(
      unguarded([
        { path: "guarded.ts", source: `// A comment first is fine.\n${GUARD}\nexport const a = 1;\n` },
        { path: "missing.ts", source: 'import { z } from "zod";\n' },
        { path: "late.ts", source: `import { z } from "zod";\n${GUARD}\n` },
      ]),
    ).toEqual(["missing.ts", "late.ts"]);
  });
});
