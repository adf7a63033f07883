// Driver adapter for the Prisma CLI only (migrate, status). The app's runtime client needs none of
// this: see src/server/db/client.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;
type Callback = (err: Error | null, res: QueryResultLike) => void;

function reportCatalogTypesAsText(res: QueryResultLike): QueryResultLike {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return res;
}

// The wasm schema engine cannot deserialise catalog columns of type `name` and `"char"`
// (prisma/orm#27403). Their values are plain text, so report them as text.
class CatalogSafeClient extends pg.Client {
  // pg's query has many overloads; this wrapper forwards every call style unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      const cb = last as Callback;
      args[args.length - 1] = (err: Error | null, res: QueryResultLike) =>
        cb(err, err ? res : reportCatalogTypesAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const config = args[0] as { callback?: Callback } | undefined;
    if (config && typeof config === "object" && typeof config.callback === "function") {
      const cb = config.callback;
      config.callback = (err, res) => cb(err, err ? res : reportCatalogTypesAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<QueryResultLike>).then === "function") {
      return (result as Promise<QueryResultLike>).then(reportCatalogTypesAsText);
    }
    return result;
  }
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  // Separate fields, not a connectionString: in pg a connectionString wins over `database`, which
  // would send the shadow database's replay into the main database.
  const parsed = parse(url);
  return {
    host: parsed.host ?? "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user,
    password: parsed.password,
    database: database ?? parsed.database ?? undefined,
    ssl: false,
    max: 2,
    allowExitOnIdle: true,
    Client: CatalogSafeClient,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// adapter-pg runs a migration script by splitting it on every ";", which breaks function bodies
// (plpgsql triggers) and applies a half-failed migration statement by statement. Send the script as
// one simple query instead: Postgres runs it in one implicit transaction.
function withWholeScripts(adapter: Adapter, dispose?: () => Promise<void>): Adapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "executeScript") {
        return async (script: string) => {
          try {
            await target.underlyingDriver().query(script);
          } catch (error) {
            (target as unknown as { onError(e: unknown): never }).onError(error);
          }
        };
      }
      if (prop === "dispose" && dispose) return dispose;
      return Reflect.get(target, prop, receiver);
    },
  });
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  async connect() {
    return withWholeScripts(await super.connect());
  }

  // adapter-pg drops the shadow database while its own pool still holds a connection to it, so the
  // drop fails and the database is left behind. Close the shadow pool first, then drop.
  async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg(poolConfig(this.url, database)).connect();
    return withWholeScripts(shadow, async () => {
      await shadow.dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    });
  }
}

export function cliAdapterFactory(url: string) {
  return new CliPrismaPg(url);
}
