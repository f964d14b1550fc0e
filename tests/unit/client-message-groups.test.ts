// Each page sends the browser the message groups its client components read, and no others (ClientMessages). The
// groups are derived here from the modules the page sends to the browser (tests/support/client-message-groups.ts):
// a list that misses a group would show its keys instead of words; one that names a group nothing reads would send
// bytes for nothing. A page's ClientMessages must wrap everything the page returns, or a component outside it would
// read the layout's groups only.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { ROOT, parseSource, sourceFiles } from "@/tests/support/module-graph";
import { clientMessageGroupsOf, groupsNamedIn } from "@/tests/support/client-message-groups";

const ENTRIES = sourceFiles(path.join(ROOT, "app")).filter((file) => /\/(page|layout)\.tsx$/.test(file));

function isClientMessages(node: ts.Node): node is ts.JsxElement {
  return ts.isJsxElement(node) && node.openingElement.tagName.getText() === "ClientMessages";
}

/** The ClientMessages elements of a file and the groups each names (a literal array of strings). */
function declaredGroups(file: string): { elements: ts.JsxElement[]; groups: string[] } {
  const elements: ts.JsxElement[] = [];
  const groups: string[] = [];
  const visit = (node: ts.Node) => {
    if (isClientMessages(node)) {
      elements.push(node);
      const attribute = node.openingElement.attributes.properties.find(
        (property): property is ts.JsxAttribute => ts.isJsxAttribute(property) && property.name.getText() === "groups",
      );
      const value = attribute?.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
      assert.ok(value && ts.isArrayLiteralExpression(value), `${path.relative(ROOT, file)}: ClientMessages needs groups={[…]} written out`);
      for (const element of value.elements) {
        assert.ok(ts.isStringLiteral(element), `${path.relative(ROOT, file)}: a group is not a string literal: ${element.getText()}`);
        groups.push(element.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parseSource(file));
  return { elements, groups };
}

/** The expressions returned by the file's default-exported function itself (not by functions inside it). */
function defaultExportReturns(file: string): ts.Expression[] {
  const source = parseSource(file);
  const exported = source.statements.find(
    (statement): statement is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(statement) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.ExportDefault) === ts.ModifierFlags.ExportDefault,
  );
  assert.ok(exported?.body, `${path.relative(ROOT, file)}: no default-exported function found`);
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(exported.body, visit);
  return returned;
}

const unwrap = (expression: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(expression) ? unwrap(expression.expression) : expression;

test("the scan finds the groups that modules name, through their translators and their strings", () => {
  // useTranslations("apiErrors") in the hook every error display uses; `languages.${…}` through a root translator.
  assert.ok(groupsNamedIn(path.join(ROOT, "components/errors/use-error-message.ts")).has("apiErrors"));
  assert.ok(groupsNamedIn(path.join(ROOT, "components/explorer/item-explorer.tsx")).has("itemStatuses"));
  // The editor page reaches the editor's components only through a server page and client imports.
  const editor = clientMessageGroupsOf(path.join(ROOT, "app/work/items/[id]/page.tsx"));
  for (const group of ["editor", "apiErrors", "quality"]) assert.ok(editor.has(group), `editor page lacks ${group}`);
  assert.ok(ENTRIES.length > 25, `found only ${ENTRIES.length} pages and layouts`);
});

for (const file of ENTRIES) {
  const name = path.relative(ROOT, file);
  test(`${name} gives its client components the message groups they read, and only those`, () => {
    const needed = [...clientMessageGroupsOf(file)].sort();
    const { elements, groups } = declaredGroups(file);
    assert.deepEqual([...groups].sort(), needed, `${name}: ClientMessages groups should be exactly those its client modules name`);
    assert.equal(new Set(groups).size, groups.length, `${name}: a group is named twice`);
    if (needed.length === 0) return;
    assert.equal(elements.length, 1, `${name}: one ClientMessages element`);
    if (name.endsWith("page.tsx")) {
      for (const expression of defaultExportReturns(file)) {
        assert.ok(isClientMessages(unwrap(expression)), `${name}: every return of the page must be wrapped in ClientMessages`);
      }
    }
  });
}
