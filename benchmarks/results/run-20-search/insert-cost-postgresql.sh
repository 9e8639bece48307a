#!/bin/sh
# Inserts 20,000 rows copied from existing ones into the 1M table, with and without V23's three indexes, 3 times each, rolled back.
P="psql -h 127.0.0.1 -U postgres -d guichet_bench_faf3f38f1547 -X -q"
ins="INSERT INTO requests (number, requester_id, requester_given, requester_family, establishment, subject, type, summary, description, search_text, visibility, status, assigned_group, assignee, submitted_at, updated_at, version, reopened) SELECT number + 5000000, requester_id, requester_given, requester_family, establishment, subject, type, summary, description, search_text, visibility, status, assigned_group, assignee, submitted_at, updated_at, version, reopened FROM requests WHERE number BETWEEN 300001 AND 320000"
for round in 1 2 3; do
  echo "with V23 indexes, round $round"; $P -c '\timing on' -c "BEGIN" -c "$ins" -c "ROLLBACK" | grep Time | sed -n 2p
  echo "without V23 indexes, round $round"; $P -c '\timing on' -c "BEGIN" -c "DROP INDEX requests_newest, requests_group_newest, requests_assignee_newest" -c "$ins" -c "ROLLBACK" | grep Time | sed -n 3p
done
$P -c "SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'requests'::regclass" | wc -l
