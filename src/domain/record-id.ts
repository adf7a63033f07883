// Every record the app addresses by URL has a Postgres uuid key. Anything else in its place would
// make the database refuse the query (a 500); it can only be a record that does not exist.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be the id of a record: a uuid in its usual written form. */
export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
