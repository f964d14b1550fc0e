// The project's modules as a bundler sees them: which files a module imports for their values, how `@/…` and relative
// specifiers resolve, and which modules carry a "use client" or "use server" directive. Shared by the tests that
// follow the client boundary (what reaches the browser, which messages its components need).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every .ts and .tsx file under a folder, generated code and packages left out. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

export function parseSource(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const importsByFile = new Map<string, string[]>();

/** The specifiers a module imports or re-exports for their values (what a bundler follows); read once per file. */
export function valueImports(file: string): string[] {
  let specifiers = importsByFile.get(file);
  if (!specifiers) importsByFile.set(file, (specifiers = readValueImports(file)));
  return specifiers;
}

function readValueImports(file: string): string[] {
  const source = parseSource(file);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  // Lazy imports (`import("…")`) are bundled as chunks of their own, still sent to the browser.
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      specifiers.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** A project file for `@/…` or a relative specifier; null for a package. */
export function resolveOwn(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** A "use client" or "use server" directive before any code (comments may precede it). */
export function hasDirective(file: string, directive: "use client" | "use server"): boolean {
  return new RegExp(`^\\s*(//[^\\n]*\\n\\s*|/\\*[\\s\\S]*?\\*/\\s*)*["']${directive}["']`).test(readFileSync(file, "utf8"));
}

/**
 * The project modules that an entry (a page, a layout) sends to the browser: every module marked "use client" that it
 * reaches, and everything those import. Server modules on the way are followed but not counted; a server action
 * imported by a client module reaches the browser as a reference to call, not as code.
 */
export function clientModulesReachedFrom(entry: string): Set<string> {
  const client = new Set<string>();
  const seenOnServer = new Set<string>([entry]);
  const queue: Array<{ file: string; inClient: boolean }> = [{ file: entry, inClient: hasDirective(entry, "use client") }];
  if (queue[0]!.inClient) client.add(entry);
  while (queue.length > 0) {
    const { file, inClient } = queue.shift()!;
    for (const specifier of valueImports(file)) {
      const resolved = resolveOwn(specifier, file);
      if (!resolved || /\.json$/.test(resolved)) continue;
      const isClient = inClient || hasDirective(resolved, "use client");
      if (isClient) {
        if (client.has(resolved) || hasDirective(resolved, "use server")) continue;
        client.add(resolved);
      } else {
        if (seenOnServer.has(resolved)) continue;
        seenOnServer.add(resolved);
      }
      queue.push({ file: resolved, inClient: isClient });
    }
  }
  return client;
}
