// JavaScript a browser downloads on the first load of a page, gzip-compressed, from the `.next` build output: the
// framework's root chunks plus every chunk the page's client reference manifest lists for its route (layouts, the
// page, error boundaries). Compares the editor with the sign-in page (target: within 1.3×) and prints the editor's
// largest chunks, so a server-only module that slipped into the browser shows up by size. Needs `npm run build`.
// Usage: node --import tsx bench/page-weight.ts [--page /work/items/[id]] [--baseline /sign-in]
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const args = parseArgs({
  options: { page: { type: "string", default: "/work/items/[id]" }, baseline: { type: "string", default: "/sign-in" } },
});
const NEXT_DIR = path.join(process.cwd(), ".next");

interface ClientManifest {
  entryJSFiles: Record<string, string[]>;
}

function firstLoadChunks(route: string): string[] {
  const manifestFile = path.join(NEXT_DIR, "server", "app", route, "page_client-reference-manifest.js");
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`no client manifest for ${route} in ${manifestFile}`);
  const build = JSON.parse(readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
}

function weigh(route: string) {
  const chunks = firstLoadChunks(route).map((chunk) => {
    const bytes = readFileSync(path.join(NEXT_DIR, chunk));
    return { chunk, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    chunks,
    raw: chunks.reduce((sum, chunk) => sum + chunk.raw, 0),
    gzip: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const page = weigh(args.values.page!);
const baseline = weigh(args.values.baseline!);
console.log(`${args.values.page}: ${page.chunks.length} chunks, ${kb(page.raw)} minified, ${kb(page.gzip)} gzip`);
console.log(`${args.values.baseline}: ${baseline.chunks.length} chunks, ${kb(baseline.raw)} minified, ${kb(baseline.gzip)} gzip`);
console.log(`ratio (gzip): ${(page.gzip / baseline.gzip).toFixed(2)}× (target ≤ 1.30×)`);
const own = new Set(baseline.chunks.map((chunk) => chunk.chunk));
console.log(`${args.values.page}'s chunks the baseline does not load, largest first:`);
for (const chunk of page.chunks.filter((chunk) => !own.has(chunk.chunk)).sort((a, b) => b.gzip - a.gzip).slice(0, 8)) {
  console.log(`  ${chunk.chunk}: ${kb(chunk.raw)} minified, ${kb(chunk.gzip)} gzip`);
}
