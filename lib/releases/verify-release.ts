// Checks a downloaded release folder: every file in SHA256SUMS has that digest, and the manifest agrees on sizes
// and digests with what is on disk. Reads files as streams, so a release of any size can be checked.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";

export interface VerificationResult {
  ok: boolean;
  checked: number;
  problems: string[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function insideFolder(folder: string, relative: string): string | null {
  const absolute = path.resolve(folder, relative);
  return absolute.startsWith(path.resolve(folder) + path.sep) ? absolute : null;
}

export async function verifyReleaseFolder(folder: string): Promise<VerificationResult> {
  const problems: string[] = [];
  const sumsText = await readFile(path.join(folder, "SHA256SUMS"), "utf8").catch(() => null);
  if (sumsText === null) return { ok: false, checked: 0, problems: ["SHA256SUMS is missing."] };

  const sums = new Map<string, string>();
  for (const [index, line] of sumsText.split("\n").entries()) {
    if (line.trim() === "") continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      problems.push(`SHA256SUMS line ${index + 1} is not "<sha256>  <path>".`);
      continue;
    }
    sums.set(match[2]!, match[1]!);
  }

  let checked = 0;
  for (const [relative, expected] of sums) {
    const absolute = insideFolder(folder, relative);
    if (!absolute) {
      problems.push(`${relative}: points outside the release folder.`);
      continue;
    }
    const exists = await stat(absolute).catch(() => null);
    if (!exists) {
      problems.push(`${relative}: missing.`);
      continue;
    }
    const actual = await sha256Of(absolute);
    checked++;
    if (actual !== expected) problems.push(`${relative}: SHA-256 is ${actual}, SHA256SUMS says ${expected}.`);
  }
  if (!sums.has("manifest.json")) problems.push("SHA256SUMS does not cover manifest.json.");

  const manifestText = await readFile(path.join(folder, "manifest.json"), "utf8").catch(() => null);
  if (manifestText === null) {
    problems.push("manifest.json is missing.");
  } else {
    let manifest: { files?: { path: string; size_bytes: number; sha256: string }[] } | null = null;
    try {
      manifest = JSON.parse(manifestText);
    } catch {
      problems.push("manifest.json is not valid JSON.");
    }
    for (const file of manifest?.files ?? []) {
      const absolute = insideFolder(folder, file.path);
      const onDisk = absolute ? await stat(absolute).catch(() => null) : null;
      if (!onDisk) {
        problems.push(`${file.path}: listed in manifest.json but missing.`);
        continue;
      }
      if (onDisk.size !== file.size_bytes) problems.push(`${file.path}: ${onDisk.size} bytes, manifest.json says ${file.size_bytes}.`);
      if (sums.get(file.path) !== file.sha256) problems.push(`${file.path}: manifest.json and SHA256SUMS disagree on its SHA-256.`);
    }
    if (manifest && !Array.isArray(manifest.files)) problems.push("manifest.json has no file list.");
  }
  return { ok: problems.length === 0, checked, problems };
}
