-- The explorer's rare flags in its default order: a few items among millions are found from these small partial
-- indexes instead of by walking every item newest first.
CREATE INDEX "items_pii_declared_fictional_created_at_idx" ON "items" ("created_at", "id") WHERE "pii_declared_fictional";
CREATE INDEX "items_language_justification_created_at_idx" ON "items" ("created_at", "id") WHERE "language_justification" IS NOT NULL;
