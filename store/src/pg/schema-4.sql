-- claimtrail's PostgreSQL schema, version 4: write batches take their
-- numbers from a sequence.
--
-- A batch's search and variant postings are keyed by a number no other
-- batch has. It came from the `batches` counter row, moved under its row
-- lock, which the batch then held until it committed: with four writers,
-- each waited for the others' postings and commits (pg_stat_activity:
-- Lock:transactionid on that row). `nextval` never waits and never rolls
-- back. A batch that does not commit leaves a gap in the numbers, which
-- nothing reads as meaningful: they only keep batches' postings apart.
-- The counter stays, as the greatest number a committed batch took.
CREATE SEQUENCE ct_batch_numbers AS bigint;
SELECT setval('ct_batch_numbers', greatest(n, 1), n > 0) FROM counters WHERE name = 'batches';
