-- Honest active time: the state that caps and de-duplicates the browser's heartbeats (the last accepted beat per
-- person and kind of work, and the ids of the beats already counted, kept for a day).

-- CreateTable
CREATE TABLE "activity_clocks" (
    "user_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "last_beat_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activity_clocks_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "activity_beats" (
    "user_id" UUID NOT NULL,
    "beat_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "credited" INTEGER NOT NULL,

    CONSTRAINT "activity_beats_pkey" PRIMARY KEY ("user_id","beat_id")
);

-- CreateIndex
CREATE INDEX "activity_beats_user_id_received_at_idx" ON "activity_beats"("user_id", "received_at");

-- AddForeignKey
ALTER TABLE "activity_clocks" ADD CONSTRAINT "activity_clocks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_beats" ADD CONSTRAINT "activity_beats_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
