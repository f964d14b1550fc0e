"use client";
// SafeMarkdown for pages where Markdown is not the first thing used (the editor): the server still renders it in the
// page's HTML, but its parser (react-markdown, remark, rehype: about 175 KB minified) arrives in a chunk of its own
// after the page's first-load JavaScript instead of inside it.
import dynamic from "next/dynamic";

export const LazySafeMarkdown = dynamic(() => import("@/components/markdown/safe-markdown").then((module) => module.SafeMarkdown));
