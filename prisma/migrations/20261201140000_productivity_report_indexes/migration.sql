-- Indexes for the productivity report (lib/productivity/productivity-queries.ts): a person's submissions and hours of
-- a period, and everyone's outcomes and reviews of a period, each read from one index range.

-- CreateIndex
CREATE INDEX "item_revisions_author_id_kind_created_at_idx" ON "item_revisions"("author_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "reviews_created_at_reviewer_id_decision_idx" ON "reviews"("created_at", "reviewer_id", "decision");

-- CreateIndex
CREATE INDEX "active_time_user_id_hour_idx" ON "active_time"("user_id", "hour");

-- CreateIndex
CREATE INDEX "review_outcomes_period_covering_idx" ON "review_outcomes"("decided_at", "author_id", "campaign_id", "outcome", "round");
