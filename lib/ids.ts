// Every id in escriba is a PostgreSQL uuid. Checking the shape first turns a malformed id in a URL, a form or a
// statement into "not found" or a clear message, never a database error. Plain code: the browser uses it too.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
