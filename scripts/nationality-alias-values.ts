// Prints the VALUES rows of the nationality mapping in
// prisma/migrations/20261201181000_national_categories/migration.sql, generated once from the
// world-countries list by the same function the rescue form matches with (decision record 0019).
// tests/integration/nationality-migration.test.ts checks the migration still holds exactly these rows.
//   npx tsx scripts/nationality-alias-values.ts
import { nationalityAliasRows } from "../src/domain/nationality/countries";

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
console.log(nationalityAliasRows().map(([alias, code]) => `  (${quote(alias)}, ${quote(code)})`).join(",\n") + ";");
