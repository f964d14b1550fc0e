// Anchors for guideline clauses, so a reviewer's citation ("2.1") links to the clause's text: a heading that starts
// with a clause number ("## 2. Tone", "### 2.1 Register") gets `id="clause-2-1"`, and each item of a numbered list
// gets its number under the clause it sits in (item 3 of a list under heading 2 → `clause-2-3`; a list before any
// numbered heading → `clause-3`). Added after sanitising, so the ids are ours and not prefixed.
import type { Element, ElementContent, Root } from "hast";

const HEADING = /^h[1-6]$/;
const CLAUSE_NUMBER = /^\s*(\d+(?:\.\d+)*)\.?(?:\s|$)/;

export function clauseAnchorId(clause: string): string {
  return `clause-${clause.trim().replace(/\.$/, "").replace(/\./g, "-")}`;
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function numberLists(children: ElementContent[], prefix: string | null): void {
  let current = prefix;
  for (const child of children) {
    if (child.type !== "element") continue;
    if (HEADING.test(child.tagName)) {
      const number = CLAUSE_NUMBER.exec(textOf(child))?.[1];
      if (number) {
        child.properties = { ...child.properties, id: clauseAnchorId(number) };
        current = number;
      }
      continue;
    }
    if (child.tagName === "ol") {
      const start = Number(child.properties?.start ?? 1) || 1;
      let index = 0;
      for (const item of child.children) {
        if (item.type !== "element" || item.tagName !== "li") continue;
        const clause = current ? `${current}.${start + index}` : String(start + index);
        (item as Element).properties = { ...item.properties, id: clauseAnchorId(clause) };
        numberLists(item.children, clause);
        index += 1;
      }
      continue;
    }
    numberLists(child.children, current);
  }
}

/** rehype plugin. */
export function rehypeClauseAnchors() {
  return (tree: Root) => numberLists(tree.children as ElementContent[], null);
}
