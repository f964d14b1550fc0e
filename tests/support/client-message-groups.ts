// Which groups of the message catalogs (top-level keys: "editor", "apiErrors"…) the browser needs for an entry (a
// page, a layout): every group that a module sent to the browser from it names. A module names a group by a string
// that is the group or starts with it and a dot — `useTranslations("editor")`, `t("common.cancel")` through a root
// translator, `` t(`languages.${language}`) ``, a table of group names. Counting every such string of a client module,
// not only translator calls, errs on the side of sending a group that is not needed, never of missing one.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT, clientModulesReachedFrom, parseSource } from "@/tests/support/module-graph";

export const MESSAGE_GROUPS: ReadonlySet<string> = new Set(
  Object.keys(JSON.parse(readFileSync(path.join(ROOT, "messages", "en.json"), "utf8")) as Record<string, unknown>),
);

/** The groups one module's strings name. */
export function groupsNamedIn(file: string): Set<string> {
  const groups = new Set<string>();
  const consider = (text: string) => {
    const group = text.split(".")[0]!;
    if (MESSAGE_GROUPS.has(group)) groups.add(group);
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) consider(node.text);
    else if (ts.isTemplateExpression(node)) consider(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(parseSource(file));
  return groups;
}

/** The groups the browser needs for an entry: those named by the UI modules (app/, components/) it sends there. */
export function clientMessageGroupsOf(entry: string): Set<string> {
  const groups = new Set<string>();
  for (const file of clientModulesReachedFrom(entry)) {
    const relative = path.relative(ROOT, file);
    if (!relative.startsWith("app/") && !relative.startsWith("components/")) continue;
    for (const group of groupsNamedIn(file)) groups.add(group);
  }
  return groups;
}
