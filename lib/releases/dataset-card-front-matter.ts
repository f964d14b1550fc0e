// Splits a dataset card into its YAML metadata and its Markdown body, for showing the card on a web page.
// Only the top-level keys a reader looks at are read; the card is written by dataset-card.ts, so its YAML is the
// flat shape that file produces (scalars, JSON-quoted strings, lists of scalars) and a YAML library is not needed.

export interface DatasetCardMetadata {
  prettyName: string | null;
  license: string | null;
  languages: string[];
  taskCategories: string[];
  sizeCategories: string[];
}

export interface DatasetCard {
  metadata: DatasetCardMetadata;
  /** The Markdown after the front matter. */
  body: string;
}

/** dataset-card.ts quotes strings as JSON; anything else is a plain scalar. */
function scalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}

/** Top-level `key: value` scalars and `key:` followed by `- item` lists; nested entries are skipped. */
function readTopLevel(yaml: string): Map<string, string | string[]> {
  const entries = new Map<string, string | string[]>();
  let openList: string[] | null = null;
  for (const line of yaml.split("\n")) {
    const listItem = /^- (.*)$/.exec(line);
    if (listItem) {
      // `- config_name: gl` is a mapping inside a list, not a scalar item.
      if (openList && !/^[\w-]+:(\s|$)/.test(listItem[1]!)) openList.push(scalar(listItem[1]!));
      continue;
    }
    const key = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!key) continue;
    if (key[2] === "") {
      openList = [];
      entries.set(key[1]!, openList);
    } else {
      openList = null;
      entries.set(key[1]!, scalar(key[2]!));
    }
  }
  return entries;
}

const asList = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const asScalar = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export function splitDatasetCard(text: string): DatasetCard {
  const normalised = text.replace(/\r\n/g, "\n");
  const frontMatter = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(normalised);
  if (!frontMatter) {
    return { metadata: { prettyName: null, license: null, languages: [], taskCategories: [], sizeCategories: [] }, body: normalised };
  }
  const entries = readTopLevel(frontMatter[1]!);
  return {
    metadata: {
      prettyName: asScalar(entries.get("pretty_name")),
      license: asScalar(entries.get("license")),
      languages: asList(entries.get("language")),
      taskCategories: asList(entries.get("task_categories")),
      sizeCategories: asList(entries.get("size_categories")),
    },
    body: normalised.slice(frontMatter[0].length).replace(/^\n+/, ""),
  };
}
