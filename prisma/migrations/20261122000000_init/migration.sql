-- CreateEnum
CREATE TYPE "Role" AS ENUM ('annotator', 'reviewer', 'maintainer');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('es', 'ca', 'eu', 'gl');

-- CreateEnum
CREATE TYPE "UiLocale" AS ENUM ('es', 'ca', 'eu', 'gl', 'en');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('open_qa', 'closed_qa', 'brainstorming', 'classification', 'summarization', 'information_extraction', 'creative_writing', 'general_qa');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('draft', 'submitted', 'approved', 'changes_requested', 'rejected', 'retracted');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'active', 'closed');

-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('submission', 'reviewer_edit');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('approve', 'request_changes', 'reject');

-- CreateEnum
CREATE TYPE "AdjudicationStatus" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('queued', 'building', 'built', 'failed', 'published');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "languages" "Language"[],
    "ui_locale" "UiLocale",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "user_agent" TEXT,
    "ip_address" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "languages" "Language"[],
    "categories" "Category"[],
    "approvals_required" INTEGER NOT NULL DEFAULT 1,
    "rate_per_approved_item" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_quotas" (
    "campaign_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "category" "Category" NOT NULL,
    "target" INTEGER NOT NULL,

    CONSTRAINT "campaign_quotas_pkey" PRIMARY KEY ("campaign_id","language","category")
);

-- CreateTable
CREATE TABLE "guidelines" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guidelines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "items" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "guideline_id" UUID,
    "author_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "variety" TEXT,
    "category" "Category" NOT NULL,
    "status" "ItemStatus" NOT NULL DEFAULT 'draft',
    "instruction" TEXT NOT NULL DEFAULT '',
    "context" TEXT,
    "response" TEXT NOT NULL DEFAULT '',
    "source_url" TEXT,
    "source_license" TEXT,
    "language_justification" TEXT,
    "pii_declared_fictional" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT,
    "review_round" INTEGER NOT NULL DEFAULT 0,
    "leased_to_id" UUID,
    "lease_expires_at" TIMESTAMPTZ(3),
    "approved_revision_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "retracted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_revisions" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "RevisionKind" NOT NULL,
    "author_id" UUID NOT NULL,
    "variety" TEXT,
    "category" "Category" NOT NULL,
    "instruction" TEXT NOT NULL,
    "context" TEXT,
    "response" TEXT NOT NULL,
    "source_url" TEXT,
    "source_license" TEXT,
    "guideline_id" UUID,
    "quality_report" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "score_instruction" INTEGER NOT NULL,
    "score_correctness" INTEGER NOT NULL,
    "score_fluency" INTEGER NOT NULL,
    "score_safety" INTEGER NOT NULL,
    "score_guidelines" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "cited_clauses" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adjudications" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "status" "AdjudicationStatus" NOT NULL DEFAULT 'open',
    "decision" "ReviewDecision",
    "comment" TEXT NOT NULL DEFAULT '',
    "resolved_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "adjudications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "writing_activity" (
    "user_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "active_seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "writing_activity_pkey" PRIMARY KEY ("user_id","item_id","day")
);

-- CreateTable
CREATE TABLE "releases" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "license" TEXT NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'queued',
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "manifest" JSONB,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "built_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_files" (
    "release_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "release_files_pkey" PRIMARY KEY ("release_id","path")
);

-- CreateTable
CREATE TABLE "release_items" (
    "release_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,

    CONSTRAINT "release_items_pkey" PRIMARY KEY ("release_id","item_id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_created_at_idx" ON "sign_in_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_ip_address_created_at_idx" ON "sign_in_attempts"("ip_address", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "guidelines_campaign_id_language_version_key" ON "guidelines"("campaign_id", "language", "version");

-- CreateIndex
CREATE UNIQUE INDEX "items_approved_revision_id_key" ON "items"("approved_revision_id");

-- CreateIndex
CREATE INDEX "items_author_id_status_idx" ON "items"("author_id", "status");

-- CreateIndex
CREATE INDEX "items_status_language_submitted_at_idx" ON "items"("status", "language", "submitted_at");

-- CreateIndex
CREATE INDEX "items_campaign_id_language_category_status_idx" ON "items"("campaign_id", "language", "category", "status");

-- CreateIndex
CREATE INDEX "items_fingerprint_idx" ON "items"("fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "item_revisions_item_id_number_key" ON "item_revisions"("item_id", "number");

-- CreateIndex
CREATE INDEX "reviews_reviewer_id_created_at_idx" ON "reviews"("reviewer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_item_id_round_reviewer_id_key" ON "reviews"("item_id", "round", "reviewer_id");

-- CreateIndex
CREATE INDEX "adjudications_status_created_at_idx" ON "adjudications"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "adjudications_item_id_round_key" ON "adjudications"("item_id", "round");

-- CreateIndex
CREATE UNIQUE INDEX "releases_version_key" ON "releases"("version");

-- CreateIndex
CREATE INDEX "audit_events_subject_type_subject_id_created_at_idx" ON "audit_events"("subject_type", "subject_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_created_at_idx" ON "audit_events"("actor_id", "created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_quotas" ADD CONSTRAINT "campaign_quotas_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidelines" ADD CONSTRAINT "guidelines_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidelines" ADD CONSTRAINT "guidelines_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_guideline_id_fkey" FOREIGN KEY ("guideline_id") REFERENCES "guidelines"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_leased_to_id_fkey" FOREIGN KEY ("leased_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_approved_revision_id_fkey" FOREIGN KEY ("approved_revision_id") REFERENCES "item_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_revisions" ADD CONSTRAINT "item_revisions_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_revisions" ADD CONSTRAINT "item_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "item_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "writing_activity" ADD CONSTRAINT "writing_activity_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "writing_activity" ADD CONSTRAINT "writing_activity_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_items" ADD CONSTRAINT "release_items_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_items" ADD CONSTRAINT "release_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_items" ADD CONSTRAINT "release_items_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "item_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
