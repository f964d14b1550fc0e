-- The band-key index takes new keys at once instead of through GIN's pending list. A lookup reads the whole pending
-- list (up to gin_pending_list_limit, 4 MB) besides the tree, and an import probes the index once per line while it
-- fills the list: at 10,000 imported items a batch's near-duplicate lookup read 319 pages per text and took 7.8 s for
-- 500 texts, against 97 pages and 0.13 s with the list empty. Band keys are near-unique, so the list saved little
-- when inserting anyway. What is in the list now goes into the tree.
ALTER INDEX "items_similarity_keys_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('items_similarity_keys_idx');
