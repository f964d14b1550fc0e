-- The explorer's "near duplicates found" flag: the few revisions whose quality report names a near duplicate, so
-- counting or filtering by the flag reads them instead of every revision's report (a scan of the whole table, 0.4 s
-- at a million items even when none has the flag). The predicate is the flag's condition in explorer-conditions.ts,
-- word for word, which is what lets the planner use the index.
CREATE INDEX "item_revisions_near_duplicate_item_idx" ON "item_revisions" ("item_id")
  WHERE ("quality_report" -> 'problems') @> '[{"code":"near_duplicate"}]'::jsonb;
