// Markdown as people write it in guidelines and items, rendered without ever running or injecting their HTML.
// Raw HTML in the source becomes plain text before rendering, so markup someone typed is shown as the text they
// typed (react-markdown would otherwise drop it silently, hiding words from the author); rehype-sanitize then
// strips anything outside GitHub's safe subset (javascript: links and the like) that Markdown itself could produce.
// Turning HTML nodes into text, rather than escaping every `<` up front, keeps `a < b` inside code spans and
// <https://…> autolinks as Markdown means them. GitHub's flavour (tables above all) is on because guidelines and
// dataset cards are written for GitHub and Hugging Face, which render it.
import type { Root, RootContent } from "mdast";
import { createElement } from "react";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { rehypeClauseAnchors } from "@/components/markdown/clause-anchors";

const BLOCK_CONTAINERS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function htmlAsText(node: Root | RootContent): void {
  if (!("children" in node)) return;
  const block = BLOCK_CONTAINERS.has(node.type);
  node.children = node.children.map((child) => {
    if (child.type !== "html") return child;
    const text = { type: "text" as const, value: child.value };
    // A block of HTML stays a block of its own, as a paragraph of text.
    return block ? { type: "paragraph" as const, children: [text] } : text;
  }) as typeof node.children;
  for (const child of node.children) htmlAsText(child);
}

/** remark plugin: every raw HTML node (block or inline) becomes a text node with the same characters. */
function remarkHtmlAsText() {
  return (tree: Root) => htmlAsText(tree);
}

const LEVELS = [1, 2, 3, 4, 5, 6] as const;

/**
 * `below`: the level of the page heading the text sits under (guidelines in a panel titled by an h2), so a "# Title"
 * in the text becomes an h3 rather than a second h1 on the page.
 */
export function SafeMarkdown({ text, below = 0, clauseAnchors = false }: { text: string; below?: number; clauseAnchors?: boolean }) {
  const headings = Object.fromEntries(
    LEVELS.map((level) => [`h${level}`, ({ node: _node, ...props }: { node?: unknown }) => createElement(`h${Math.min(6, level + below)}`, props)]),
  );
  // A code block scrolls inside itself on a phone (a BibTeX line is wider than 390 px), so it must take keyboard focus.
  const components = { ...(below > 0 ? headings : {}), pre: ({ node: _node, ...props }: { node?: unknown }) => createElement("pre", { ...props, tabIndex: 0 }) };
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={clauseAnchors ? [rehypeSanitize, rehypeClauseAnchors] : [rehypeSanitize]}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
