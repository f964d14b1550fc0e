// Markdown as people write it in guidelines and items, rendered without ever running or injecting their HTML.
// Every `<` is escaped before parsing, so markup someone typed is shown as the text they typed (react-markdown
// would otherwise drop it silently, hiding words from the author); rehype-sanitize then strips anything outside
// GitHub's safe subset (javascript: links and the like) that Markdown syntax itself could produce.
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]}>{text.replace(/</g, "&lt;")}</ReactMarkdown>
    </div>
  );
}
