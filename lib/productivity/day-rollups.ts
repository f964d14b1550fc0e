// The productivity report's daily roll-ups (productivity_*_days) are cut by local days of the programme's time zone,
// which their triggers read from programme_settings. This keeps that row equal to ESCRIBA_PROGRAMME_TIME_ZONE: run
// after every migration, it rewrites the zone and rebuilds the roll-ups from their sources when the zone changed.
import pg from "pg";

export async function syncProgrammeTimeZone(
  connectionString: string,
  timeZone: string,
  options: { log?: (line: string) => void } = {},
): Promise<{ rebuilt: boolean }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // ICU (which checked the name in lib/env.ts) and PostgreSQL each keep their own zone list: a zone PostgreSQL
    // does not know would fail every write the triggers count, so refuse to start instead.
    await client.query("SELECT now() AT TIME ZONE $1", [timeZone]).catch(() => {
      throw new Error(`ESCRIBA_PROGRAMME_TIME_ZONE: PostgreSQL does not know the time zone "${timeZone}".`);
    });
    await client.query("BEGIN");
    try {
      const { rows } = await client.query<{ time_zone: string }>(`SELECT time_zone FROM programme_settings FOR UPDATE`);
      const rebuilt = rows[0]?.time_zone !== timeZone;
      if (rebuilt) {
        options.log?.(`Programme time zone is now ${timeZone} (was ${rows[0]?.time_zone ?? "unset"}): rebuilding the productivity roll-ups`);
        await client.query(
          `INSERT INTO programme_settings (id, time_zone) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
          [timeZone],
        );
        await client.query(`SELECT rebuild_productivity_days()`);
      }
      await client.query("COMMIT");
      return { rebuilt };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    await client.end();
  }
}
