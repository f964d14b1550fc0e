-- One-time links for invitations and password resets; only the token's SHA-256 is kept.
CREATE TYPE "AccountLinkPurpose" AS ENUM ('invitation', 'password_reset');

CREATE TABLE "account_links" (
    "id" UUID NOT NULL,
    "purpose" "AccountLinkPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role",
    "languages" "Language"[] DEFAULT ARRAY[]::"Language"[],
    "user_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_links_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "account_links_token_hash_key" ON "account_links" ("token_hash");
CREATE INDEX "account_links_email_purpose_idx" ON "account_links" ("email", "purpose");
CREATE INDEX "account_links_user_id_idx" ON "account_links" ("user_id");

ALTER TABLE "account_links" ADD CONSTRAINT "account_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
