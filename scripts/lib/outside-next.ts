// Scripts (the demo seed, the history generator, the benchmarks) call the server's use cases directly,
// outside Next.js. Every module under src/server starts with `import "server-only"`, which throws unless
// it is bundled for React Server Components; that guard is for Next's bundles, where it stops server code
// (and the secrets it reads) being shipped to a browser. A script is no browser, so it marks the package
// as already loaded, empty. Import this first, before anything from src/server.
//
// It works because tsx runs these scripts as CommonJS (package.json has no "type": "module"), so their
// imports are `require` calls that consult require.cache. Vitest does the same with an alias
// (vitest.config.mts).
import { createRequire } from "node:module";

const require = createRequire(__filename);
const guard = require.resolve("server-only");
require.cache[guard] = { id: guard, filename: guard, loaded: true, exports: {} } as unknown as NodeJS.Module;
