// "This release is being built": a PostgreSQL advisory lock per release, held for the whole build by the connection
// doing it and gone when that process dies (killed, crashed, machine lost), so a build is never taken over by two
// workers and a dead one shows as stalled.

/** One lock key per release; `$1` is the release id (BUILD_LOCKS_PROBE_SQL spells the same key out per row). */
const LOCK_KEY_SQL = "hashtextextended('escriba.release-build:' || $1::text, 0)";

/** Takes the build lock for this session if nobody holds it; `$1` is the release id. */
export const BUILD_LOCK_TRY_SQL = `SELECT pg_try_advisory_lock(${LOCK_KEY_SQL}) AS locked`;

/**
 * Answers whether some live process holds a release's build lock (`free` is false then). A transaction-level
 * try-lock taken and released within this one statement: it conflicts with the builder's session lock and
 * leaves nothing behind. `$1` is the release id.
 */
export const BUILD_LOCK_PROBE_SQL = `SELECT pg_try_advisory_xact_lock(${LOCK_KEY_SQL}) AS free`;

/** The same probe for many releases in one statement; `$1` is a uuid[]; one row per id that is free. */
export const BUILD_LOCKS_PROBE_SQL = `SELECT id::text AS id, pg_try_advisory_xact_lock(hashtextextended('escriba.release-build:' || id::text, 0)) AS free
FROM unnest($1::uuid[]) AS id`;
