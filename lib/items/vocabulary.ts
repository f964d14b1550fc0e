// The fixed vocabulary of an item: the languages escriba collects, their varieties, Dolly's categories and the
// states of an item's lifecycle.

export const ITEM_LANGUAGES = ["es", "ca", "eu", "gl"] as const;
export type ItemLanguage = (typeof ITEM_LANGUAGES)[number];

export const ITEM_VARIETIES: Record<ItemLanguage, readonly string[]> = {
  es: ["peninsular", "other"],
  ca: ["central", "valencia", "balear", "nord-occidental"],
  eu: ["batua", "dialectal"],
  gl: ["normativo"],
};

export const ITEM_CATEGORIES = [
  "open_qa",
  "closed_qa",
  "brainstorming",
  "classification",
  "summarization",
  "information_extraction",
  "creative_writing",
  "general_qa",
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Categories whose instruction is answered from a given passage, so the item must carry it. */
export const CATEGORIES_REQUIRING_CONTEXT: ReadonlySet<ItemCategory> = new Set([
  "closed_qa",
  "summarization",
  "information_extraction",
]);

export const ITEM_FIELDS = ["instruction", "context", "response"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** An item's states, in the order of its lifecycle (the order lists and filters show them in). */
export const ITEM_STATUSES = ["draft", "submitted", "changes_requested", "approved", "rejected", "retracted"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
