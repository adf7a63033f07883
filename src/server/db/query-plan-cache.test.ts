import { describe, expect, it } from "vitest";
import { cachingCompile, parameterise, substitute } from "./query-plan-cache";

const A = "0a2f8c1e-1111-4aaa-8bbb-000000000001";
const B = "0a2f8c1e-2222-4aaa-8bbb-000000000002";
const C = "0a2f8c1e-3333-4aaa-8bbb-000000000003";
const HASH = "q0S5pB9Vb3jz0wY2fK1mXh8cT6uR4eN7aL5dJ3gH2iE";

type Arg = string | { prisma__type: "param"; prisma__value: { name: string; type: string } };

/**
 * A stand-in for Prisma's compiler: the plan lists each id as a statement argument, literal or (for a
 * `{"$type":"Param"}`) as the compiler's parameter node, and counts how often it was asked.
 */
function fakeCompiler(options: { dependsOnValue?: boolean; refusesParams?: boolean } = {}) {
  const compile = (request: string) => {
    compile.calls += 1;
    const args: Arg[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === "string" && /^[0-9a-f-]{36}$|^[\w-]{43}$/.test(value)) args.push(value);
      else if (value && typeof value === "object" && (value as { $type?: string }).$type === "Param") {
        if (options.refusesParams) throw new Error("Could not convert argument value");
        args.push({ prisma__type: "param", prisma__value: { name: (value as { value: string }).value, type: "Any" } });
      } else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(JSON.parse(request));
    // A compiler whose SQL depended on a value would break the cache's assumption: it must notice.
    const sql = options.dependsOnValue && args.includes(B) ? "SELECT 2" : "SELECT 1";
    return { type: "query", sql, args };
  };
  compile.calls = 0;
  return compile;
}

const read = (where: Record<string, unknown>) => JSON.stringify({ modelName: "Person", action: "findFirst", query: { arguments: { where }, selection: { id: true } } });

describe("parameterise and substitute", () => {
  it("replaces ids, and only ids, with numbered parameters, and puts them back", () => {
    const values: string[] = [];
    const shape = parameterise({ where: { id: A, state: { in: ["DONE", "PAUSED"] }, OR: [{ agencyId: B }, { secretHash: HASH }], take: 1 } }, values);
    expect(values).toEqual([A, B, HASH]);
    expect(shape).toEqual({
      where: {
        id: { $type: "Param", value: "p0" },
        state: { in: ["DONE", "PAUSED"] },
        OR: [{ agencyId: { $type: "Param", value: "p1" } }, { secretHash: { $type: "Param", value: "p2" } }],
        take: 1,
      },
    });
    const plan = { args: [{ prisma__type: "param", prisma__value: { name: "p1", type: "String" } }, "1"], nested: [{ prisma__type: "param", prisma__value: { name: "p0" } }] };
    expect(substitute(plan, [C, A])).toEqual({ args: [A, "1"], nested: [C] });
    expect(() => substitute(plan, [C])).toThrow(/Unknown query parameter/);
  });
});

describe("the query plan cache", () => {
  it("reuses a shape's plan, with the new ids, once two checks matched the compiler's own plan", () => {
    const compile = fakeCompiler();
    const cached = cachingCompile(compile);
    expect(cached(read({ id: A }))).toEqual({ type: "query", sql: "SELECT 1", args: [A] });
    expect(compile.calls).toBe(1);
    cached(read({ id: B }));
    cached(read({ id: C }));
    // First sighting: the literal plan; the next two: the literal plan and a check (the parameterised plan compiled once).
    expect(compile.calls).toBe(4);
    expect(cached(read({ id: B }))).toEqual({ type: "query", sql: "SELECT 1", args: [B] });
    expect(cached(read({ id: A }))).toEqual({ type: "query", sql: "SELECT 1", args: [A] });
    expect(compile.calls).toBe(4);
  });

  it("never caches a shape whose plan came out different from the compiler's own", () => {
    const compile = fakeCompiler({ dependsOnValue: true });
    const cached = cachingCompile(compile);
    for (const id of [A, B, C, A, C]) cached(read({ id }));
    expect(cached(read({ id: B }))).toEqual({ type: "query", sql: "SELECT 2", args: [B] });
    expect(cached(read({ id: A }))).toEqual({ type: "query", sql: "SELECT 1", args: [A] });
    expect(cached.shapes.get([...cached.shapes.keys()][0]!)!.broken).toBe(true);
  });

  it("compiles as before when the compiler refuses parameters, for writes, and for reads without ids", () => {
    const refusing = fakeCompiler({ refusesParams: true });
    const cached = cachingCompile(refusing);
    for (const id of [A, B, C, A]) expect(cached(read({ id }))).toEqual({ type: "query", sql: "SELECT 1", args: [id] });

    const compile = fakeCompiler();
    const writes = cachingCompile(compile);
    const create = (id: string) => JSON.stringify({ modelName: "AuditEvent", action: "createOne", query: { arguments: { data: { entityId: id } }, selection: { id: true } } });
    for (const id of [A, B, C, A, B]) writes(create(id));
    expect(compile.calls).toBe(5);
    expect(writes.shapes.size).toBe(0);
    for (let i = 0; i < 3; i++) writes(read({ state: "DONE" }));
    expect(writes.shapes.size).toBe(0);
  });

  it("keeps at most the given number of shapes", () => {
    const cached = cachingCompile(fakeCompiler(), 2);
    cached(read({ id: A }));
    cached(read({ parentId: A }));
    cached(read({ rescueId: A }));
    expect(cached.shapes.size).toBe(2);
  });
});
