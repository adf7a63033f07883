-- The search page matches a term anywhere in a name, description, case, rescue or operation reference
-- (ILIKE '%term%'). Trigram indexes let Postgres find those rows without reading every one: on the
-- 50,000-person history the patterns over every row were most of a search's 138 ms.
-- pg_trgm is a trusted extension (Postgres 13+): the database owner who migrates may create it. The
-- embedded database (PGlite) loads it too (scripts/lib/embedded-postgres.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "PersonIdentity_name_trgm_idx" ON "PersonIdentity" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "PersonIdentity_description_trgm_idx" ON "PersonIdentity" USING GIN ("description" gin_trgm_ops);
CREATE INDEX "Person_caseReference_trgm_idx" ON "Person" USING GIN ("caseReference" gin_trgm_ops);
CREATE INDEX "Rescue_reference_trgm_idx" ON "Rescue" USING GIN ("reference" gin_trgm_ops);
CREATE INDEX "Rescue_operationReference_trgm_idx" ON "Rescue" USING GIN ("operationReference" gin_trgm_ops);
