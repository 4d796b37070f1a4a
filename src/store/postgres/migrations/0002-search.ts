// Full-text search over the evidence sentences in any of the twelve languages: the `simple`
// configuration (no stemming, no stop words: nothing language-specific to get wrong) over text
// folded by unaccent, so "Erdoğan" finds "Erdogan". unaccent() is not IMMUTABLE, so a wrapper
// naming its dictionary is, which an expression index needs.
export default [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE OR REPLACE FUNCTION parley_fold(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$`,
  `CREATE INDEX event_reports_search ON event_reports USING gin (to_tsvector('simple', parley_fold(evidence_text)))`,
];
