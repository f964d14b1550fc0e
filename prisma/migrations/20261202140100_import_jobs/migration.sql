-- JSONL imports uploaded in the browser, run by a background worker: the file (kept until the job ends), progress
-- and the summary with every refused line.
CREATE TYPE "ImportJobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE "import_jobs" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "update_existing" BOOLEAN NOT NULL,
    "content" BYTEA,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'queued',
    "bytes_read" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "import_jobs_created_by_id_created_at_idx" ON "import_jobs" ("created_by_id", "created_at");

ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
