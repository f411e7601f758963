-- claimtrail's PostgreSQL schema, version 1.
--
-- One table per kind of record. Each row keeps the record's key as the
-- store's domain code builds it (`k`, the same bytes sled keys by, so both
-- backends share one implementation of every query and every hash) and the
-- record's encoded value (`v`, the same bytes an export is made from). The
-- typed columns are derived from `k` and `v` by the database itself, so
-- they can never disagree with them: they are there for SQL (see the README)
-- and for the indexes a person's query needs.
--
-- Functions used by generated columns must be IMMUTABLE; convert_from is
-- only STABLE because it depends on the server encoding, which a database
-- never changes. These wrappers say so.
CREATE FUNCTION ct_text(b bytea) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT convert_from(b, 'UTF8') $$;
-- A big-endian unsigned number of 4 or 8 bytes (as the keys hold them).
CREATE FUNCTION ct_be(b bytea) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ('x' || lpad(encode(b, 'hex'), 16, '0'))::bit(64)::bigint $$;
-- The part of a key after its one-byte kind and before the first NUL.
CREATE FUNCTION ct_head(k bytea) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ct_text(substring(k from 2 for position('\x00'::bytea in k) - 2)) $$;
-- The bytes before the first NUL, as text.
CREATE FUNCTION ct_until_nul(b bytea) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ct_text(substring(b from 1 for position('\x00'::bytea in b) - 1)) $$;
-- The part of a key after its first NUL.
CREATE FUNCTION ct_tail(k bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT substring(k from position('\x00'::bytea in k) + 1) $$;

-- Store-wide records: the record format version, the variant index mark.
CREATE TABLE meta (k bytea PRIMARY KEY, v bytea NOT NULL);
-- Store-wide counts (sled keeps them as keys; here each is a row that a
-- committing transaction adds to, so concurrent writers never lose one).
CREATE TABLE counters (name text PRIMARY KEY, n bigint NOT NULL);
INSERT INTO counters (name, n) VALUES
    ('stories', 0), ('revisions', 0), ('statements', 0), ('occurrences', 0), ('blobs', 0), ('batches', 0);

-- One row per story; its head revision is what a writer locks.
CREATE TABLE stories (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_text(substring(k from 2))) STORED
);
-- A writer appending to a story holds this row FOR UPDATE from the moment
-- it reads the story's head until its transaction ends.
CREATE TABLE story_locks (story text PRIMARY KEY);

CREATE TABLE revisions (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_head(k)) STORED,
    number bigint GENERATED ALWAYS AS (ct_be(ct_tail(k))) STORED
);
CREATE TABLE statement_lists (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_head(k)) STORED,
    number bigint GENERATED ALWAYS AS (ct_be(ct_tail(k))) STORED
);
CREATE TABLE analyses (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_head(k)) STORED,
    number bigint GENERATED ALWAYS AS (ct_be(ct_tail(k))) STORED
);
-- The latest revision of a story with a given text (reverts).
CREATE TABLE text_index (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_head(k)) STORED
);
-- Raw inputs and normalised texts, content-addressed (blake3).
CREATE TABLE blobs (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    id bytea GENERATED ALWAYS AS (substring(k from 2)) STORED
);
-- Statement contents, content-addressed by the caller's hash.
CREATE TABLE statements (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    hash bytea GENERATED ALWAYS AS (substring(k from 2)) STORED,
    content text GENERATED ALWAYS AS (ct_text(v)) STORED
);
CREATE TABLE speakers (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    speaker text GENERATED ALWAYS AS (ct_text(substring(k from 2))) STORED
);
CREATE TABLE aliases (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    speaker text GENERATED ALWAYS AS (ct_text(substring(k from 2))) STORED
);
-- Speaker lookup keys (names, surnames, organisations, acronyms).
CREATE TABLE names (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    name_key text GENERATED ALWAYS AS (ct_head(k)) STORED,
    speaker text GENERATED ALWAYS AS (ct_text(ct_tail(k))) STORED
);
-- A statement's stay in a story, by speaker and by statement.
CREATE TABLE runs_by_speaker (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    speaker text GENERATED ALWAYS AS (ct_head(k)) STORED,
    story text GENERATED ALWAYS AS (ct_text(substring(ct_tail(k) from 1 for length(ct_tail(k)) - 37))) STORED,
    statement bytea GENERATED ALWAYS AS (substring(k from length(k) - 35 for 32)) STORED,
    first_revision bigint GENERATED ALWAYS AS (ct_be(substring(k from length(k) - 3))) STORED
);
CREATE TABLE runs_by_statement (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    statement bytea GENERATED ALWAYS AS (substring(k from 2 for 32)) STORED,
    story text GENERATED ALWAYS AS (ct_until_nul(substring(k from 34))) STORED,
    first_revision bigint GENERATED ALWAYS AS (ct_be(substring(ct_tail(substring(k from 34)) from 1 for 4))) STORED,
    speaker text GENERATED ALWAYS AS (nullif(ct_text(substring(ct_tail(substring(k from 34)) from 5)), '')) STORED
);
-- Search postings: a term's new statements per write batch.
CREATE TABLE postings (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    term text GENERATED ALWAYS AS (ct_head(k)) STORED,
    batch bigint GENERATED ALWAYS AS (ct_be(ct_tail(k))) STORED
);
-- Variant postings: a wording fingerprint's new statements per batch.
CREATE TABLE variant_postings (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    fingerprint bigint GENERATED ALWAYS AS (ct_be(substring(k from 2 for 8))) STORED
);
-- Lines a site's pages carry (furniture), and the pages of each site.
CREATE TABLE furniture (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    host text GENERATED ALWAYS AS (ct_head(k)) STORED,
    story text GENERATED ALWAYS AS (ct_text(substring(ct_tail(k) from 9))) STORED
);
CREATE TABLE host_pages (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    host text GENERATED ALWAYS AS (ct_head(k)) STORED,
    story text GENERATED ALWAYS AS (ct_text(ct_tail(k))) STORED
);
CREATE TABLE watches (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    url text GENERATED ALWAYS AS (ct_text(substring(k from 2))) STORED
);
CREATE TABLE checks (
    k bytea PRIMARY KEY, v bytea NOT NULL,
    story text GENERATED ALWAYS AS (ct_head(k)) STORED
);

-- For people's SQL; the store's own lookups go by the primary keys.
CREATE INDEX revisions_by_story ON revisions (story, number);
CREATE INDEX runs_by_speaker_name ON runs_by_speaker (speaker, story);
