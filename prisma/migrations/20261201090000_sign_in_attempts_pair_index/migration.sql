-- Sign-in limits ask, for one account and one address, when that address last signed in to it and how many times
-- it failed since; an index in that order answers without walking the account's whole history.
-- CreateIndex
CREATE INDEX "sign_in_attempts_email_ip_address_created_at_idx" ON "sign_in_attempts"("email", "ip_address", "created_at");
