// Writes a release's files again from its frozen items in a given database, into a folder: what a build on disk
// would write, for tests that compare files kept elsewhere (a bucket, a restored backup) with it byte for byte.
import { env } from "@/lib/env";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { writeReleaseFiles, type WrittenRelease } from "@/lib/releases/write-release-files";

export interface StoredReleaseRow {
  id: string;
  version: string;
  license: string;
  notes: string;
  createdAt: Date;
}

/** A first release (no previous one to compare with). */
export async function rebuildReleaseFiles(
  connectionString: string,
  release: StoredReleaseRow,
  pseudonymKey: string,
  folder: string,
): Promise<WrittenRelease> {
  const connection = await ReleaseBuildConnection.open(connectionString);
  try {
    return await writeReleaseFiles(
      await connection.content(release.id, null),
      { ...release, datasetName: env().ESCRIBA_DATASET_NAME, previous: null },
      folder,
      { pseudonymKey },
    );
  } finally {
    await connection.close();
  }
}
