-- Item explorer: full-text search over instruction, context and response with each language's own stemmer,
-- accent-insensitive; and the external id that makes JSONL imports idempotent.

-- unaccent is a trusted extension (PostgreSQL 13+): a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could be changed); naming the dictionary explicitly makes the result
-- depend on its arguments alone, which an index-maintaining trigger and a query must agree on.
CREATE FUNCTION escriba_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT unaccent('unaccent'::regdictionary, value) $$;

-- The text search configuration of each item language. PostgreSQL ships Snowball stemmers for Spanish, Catalan
-- and Basque; Galician has none, and Portuguese (the closest relative, same articles, contractions and plurals)
-- is the best one available: see README, "Item explorer and import".
CREATE FUNCTION escriba_search_config(language "Language") RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE language
    WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
    WHEN 'ca' THEN 'pg_catalog.catalan'::regconfig
    WHEN 'eu' THEN 'pg_catalog.basque'::regconfig
    ELSE 'pg_catalog.portuguese'::regconfig END $$;

CREATE FUNCTION escriba_search_vector(language "Language", instruction text, context text, response text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector(escriba_search_config(language), escriba_unaccent(coalesce(instruction, ''))), 'A') ||
    setweight(to_tsvector(escriba_search_config(language), escriba_unaccent(coalesce(context, ''))), 'B') ||
    setweight(to_tsvector(escriba_search_config(language), escriba_unaccent(coalesce(response, ''))), 'C') $$;

ALTER TABLE "items" ADD COLUMN "search_vector" tsvector;
ALTER TABLE "items" ADD COLUMN "external_id" TEXT;

-- A trigger rather than a generated column: items are updated far more often for leases and statuses than for
-- their text, and only a change of text or language recomputes the vector.
CREATE FUNCTION escriba_items_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    NEW.search_vector := escriba_search_vector(NEW.language, NEW.instruction, NEW.context, NEW.response);
    RETURN NEW;
  END $$;

CREATE TRIGGER items_search_vector_on_insert BEFORE INSERT ON "items"
  FOR EACH ROW EXECUTE FUNCTION escriba_items_search_vector();
CREATE TRIGGER items_search_vector_on_update BEFORE UPDATE OF "language", "instruction", "context", "response" ON "items"
  FOR EACH ROW EXECUTE FUNCTION escriba_items_search_vector();

UPDATE "items" SET "search_vector" = escriba_search_vector("language", "instruction", "context", "response");

CREATE INDEX "items_search_vector_idx" ON "items" USING GIN ("search_vector");
-- The explorer's default order (newest first) and its keyset cursor.
CREATE INDEX "items_created_at_id_idx" ON "items" ("created_at", "id");
CREATE UNIQUE INDEX "items_campaign_id_external_id_key" ON "items" ("campaign_id", "external_id");
