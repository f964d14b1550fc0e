-- Campaign progress draws its burn-up series from each approved item's approval day (and retraction day): a partial
-- index over approved items only, in campaign order, with the language and retraction carried along, lets that read
-- be an index-only scan however many drafts and submissions the campaign has. The grid itself is read from
-- items_campaign_id_language_category_status_idx. Prisma's schema language cannot express partial indexes.
-- CreateIndex
CREATE INDEX "items_campaign_approvals_idx" ON "items" ("campaign_id", "approved_at") INCLUDE ("language", "retracted_at")
  WHERE "approved_at" IS NOT NULL;
