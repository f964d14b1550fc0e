import type { Command } from "commander";
import { startWorkers } from "@/cli/job-workers";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { AppError } from "@/lib/errors";
import { createRelease } from "@/lib/releases/create-release";
import { discardRelease } from "@/lib/releases/discard-release";
import { publishRelease } from "@/lib/releases/publish-release";
import { retryReleaseBuild } from "@/lib/releases/retry-release-build";
import { getRelease, listReleases } from "@/lib/releases/read-releases";
import type { ReleaseView } from "@/lib/releases/schemas";
import { verifyReleaseFolder } from "@/lib/releases/verify-release";

const describe = (release: ReleaseView) =>
  `${release.version}  ${release.status}${release.stalled ? " (stalled)" : ""}  ${release.progress.done}/${release.progress.total} items` +
  (release.error ? `  error: ${release.error}` : "");

/** Runs a worker in this process until the release's build ends, printing progress on the way. */
async function buildHere(connectionString: string, email: string, version: string): Promise<ReleaseView> {
  const runner = await startWorkers(connectionString, 1);
  const viewer = await operatorViewer(email);
  try {
    let lastLine = "";
    for (;;) {
      const release = await getRelease(viewer, version);
      const line = describe(release);
      if (line !== lastLine) console.log(line);
      lastLine = line;
      if (release.status !== "queued" && release.status !== "building") return release;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await runner.stop();
  }
}

function finish(release: ReleaseView) {
  if (release.status === "failed") throw new AppError("conflict", `The build failed: ${release.error ?? "unknown error"}`);
  for (const file of release.files) console.log(`  ${file.path}  ${file.sizeBytes} bytes  sha256 ${file.sha256}`);
}

export function registerReleaseCommands(program: Command) {
  const release = program.command("release").description("Build, publish and verify dataset releases.");

  release
    .command("create")
    .description("Create a release of every approved, non-retracted item and build it (here, unless --no-wait).")
    .requiredOption("--version <semver>", "semantic version, e.g. 1.0.0")
    .requiredOption("--email <email>", "the maintainer account the release is created as")
    .option("--license <id>", "licence id (cc-by-4.0, cc-by-sa-4.0, cc0-1.0, odc-by, apache-2.0, mit)", "cc-by-4.0")
    .option("--notes <text>", "release notes (Markdown)", "")
    .option("--no-wait", "only queue the build for the running workers")
    .action(async (options: { version: string; email: string; license: string; notes: string; wait: boolean }) => {
      await withDatabase(async (url) => {
        const viewer = await operatorViewer(options.email);
        const created = await createRelease(viewer, { version: options.version, license: options.license as never, notes: options.notes });
        console.log(`Created release ${created.version}; queued for building.`);
        if (options.wait) finish(await buildHere(url, options.email, created.version));
      });
    });

  release
    .command("retry <version>")
    .description("Build again a release whose build failed or was interrupted.")
    .requiredOption("--email <email>", "the maintainer account acting")
    .option("--no-wait", "only queue the build for the running workers")
    .action(async (version: string, options: { email: string; wait: boolean }) => {
      await withDatabase(async (url) => {
        await retryReleaseBuild(await operatorViewer(options.email), version);
        console.log(`Release ${version} queued again.`);
        if (options.wait) finish(await buildHere(url, options.email, version));
      });
    });

  release
    .command("publish <version>")
    .description("Publish a built release: public and immutable from then on.")
    .requiredOption("--email <email>", "the maintainer account acting")
    .action(async (version: string, options: { email: string }) => {
      await withDatabase(async () => {
        const published = await publishRelease(await operatorViewer(options.email), version);
        console.log(`Published ${published.version}.`);
      });
    });

  release
    .command("discard <version>")
    .description("Discard a release that is not published: its record, frozen items and files; the version is free again.")
    .requiredOption("--email <email>", "the maintainer account acting")
    .action(async (version: string, options: { email: string }) => {
      await withDatabase(async () => {
        await discardRelease(await operatorViewer(options.email), version);
        console.log(`Discarded ${version}.`);
      });
    });

  release
    .command("list")
    .description("List releases (all of them, with their status).")
    .requiredOption("--email <email>", "the maintainer account acting")
    .action(async (options: { email: string }) => {
      await withDatabase(async () => {
        const releases = await listReleases(await operatorViewer(options.email));
        if (releases.length === 0) console.log("No releases yet.");
        for (const entry of releases) console.log(describe(entry));
      });
    });

  release
    .command("verify <folder>")
    .description("Check a downloaded release folder against its SHA256SUMS and manifest.json. Needs no database.")
    .action(async (folder: string) => {
      const result = await verifyReleaseFolder(folder);
      for (const problem of result.problems) console.error(`FAILED  ${problem}`);
      if (!result.ok) {
        console.error(`${result.problems.length} problem(s); ${result.checked} file(s) hashed.`);
        process.exit(1);
      }
      console.log(`OK: ${result.checked} file(s) match SHA256SUMS and manifest.json.`);
    });
}
