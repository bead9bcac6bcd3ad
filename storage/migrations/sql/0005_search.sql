-- Full-text search over records: every workspace table's searchVector is a STORED generated
-- column computed with core.unaccent_immutable, so "Émilie" and "emilie" find each other.
-- unaccent() itself is only STABLE (its dictionary could change), which generated columns refuse;
-- pinning the dictionary makes the wrapper safe to declare IMMUTABLE, as Twenty does.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE FUNCTION core.unaccent_immutable(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;
