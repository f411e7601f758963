-- claimtrail's PostgreSQL schema, version 2: what a person's SQL needs to
-- read without decoding the store's own encoding.
--
-- The values stay in the shared encoding (the hashes and `verify` are
-- defined over it); the columns added here are written by claimtrail
-- beside each value, from the same record, in the same statement (and
-- filled in for rows written before this version when it is applied).

-- A revision's id and capture time.
ALTER TABLE revisions
    ADD COLUMN id bytea,
    ADD COLUMN captured_at timestamptz,
    ADD COLUMN source text;
-- A speaker's name as the first report wrote it, and what kind of
-- speaker it is (person, organisation, anonymous …).
ALTER TABLE speakers
    ADD COLUMN name text,
    ADD COLUMN kind text,
    ADD COLUMN role text;
-- A run's last revision (NULL while the statement is in the story's latest
-- revision) and how the report attributes the statement.
ALTER TABLE runs_by_statement
    ADD COLUMN last_revision bigint,
    ADD COLUMN attribution text;

-- A story's runs in one index scan (what a writer appending to the story
-- reads, and "what was said in this story" for a person).
CREATE INDEX runs_by_statement_story ON runs_by_statement (story, first_revision);
-- For people's SQL: a speaker's runs, a speaker by name.
CREATE INDEX runs_by_statement_speaker ON runs_by_statement (speaker);
CREATE INDEX speakers_by_name ON speakers (name);

-- Who said what, where: one row per statement's stay in a story (from
-- `first_revision` to `last_revision`, NULL for still there).
CREATE VIEW said AS
SELECT r.story,
       r.first_revision,
       r.last_revision,
       r.speaker AS speaker_id,
       p.name AS speaker,
       r.attribution,
       t.content,
       encode(r.statement, 'hex') AS statement
FROM runs_by_statement r
JOIN statements t ON t.k = '\x54'::bytea || r.statement
LEFT JOIN speakers p ON p.k = '\x50'::bytea || convert_to(r.speaker, 'UTF8');

-- Stories and their revisions, newest last.
CREATE VIEW story_revisions AS
SELECT story, number, encode(id, 'hex') AS id, captured_at, source
FROM revisions;
