// Finds the code in a Markdown text, which is in no language of the item around it.

/**
 * A line opening a fenced code block: three or more backticks or tildes. Indented as deep as it likes: CommonMark
 * allows three spaces, more inside a list item ("1. Instala:" and its block four spaces in), and a fence indented
 * further than that is inside indented code, which is code all the same.
 */
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** A line closing one: the fence alone on its line. */
const CLOSING_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
/**
 * An inline code span: a run of backticks, then text that does not cross a blank line, then a run of exactly as
 * many backticks. A lone backtick is a character like any other ("premeu la tecla `"), as in CommonMark.
 */
const CODE_SPAN = /(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?[^`\n]\1(?!`)/g;

/**
 * The text with its fenced code blocks and inline code spans blanked out (each block's lines are kept empty, so line
 * breaks stay). Writers answer with snippets, commands and file names in Markdown, and those are no words of the
 * item's language: a Galician answer, "Podes usar este código:" and three lines of JavaScript, was taken for
 * Portuguese at 0.92. A block left open runs to the end of the text, as in CommonMark; indented code (four spaces)
 * is left alone, since a Markdown list's continuation lines are indented the same way.
 */
export function withoutMarkdownCode(text: string): string {
  if (!text.includes("`") && !text.includes("~~~")) return text;
  const lines = text.split("\n");
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence === undefined) {
      const opening = FENCE.exec(line);
      // After a backtick fence, the line may not hold another backtick (CommonMark): "```a``` b" is inline code.
      if (!opening || (opening[1]!.startsWith("`") && line.slice(opening[0].length).includes("`"))) continue;
      fence = opening[1];
    } else {
      const closing = CLOSING_FENCE.exec(line)?.[1];
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined;
    }
    lines[i] = "";
  }
  return lines.join("\n").replace(CODE_SPAN, " ");
}
