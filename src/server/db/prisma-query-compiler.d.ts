// Prisma's query compiler module, which the generated client loads (src/generated/prisma/internal/class.ts)
// and the plan cache wraps (query-plan-cache.ts). The package ships no types for it.
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: { prototype: Record<string | symbol, unknown> } | undefined;
}
