#!/bin/sh
# Inserts 20,000 rows copied from existing ones into the 1M table, with the words' indexes of V1_1 and V24_1 (words
# alone) or with V27's (group, assignee and words), 3 times each, rolled back.
P="psql -h 127.0.0.1 -U postgres -d guichet_bench_1dffcdd890bb -X -q"
ins="INSERT INTO requests (number, requester_id, requester_given, requester_family, establishment, subject, type, summary, description, search_text, school_text, visibility, status, assigned_group, assignee, submitted_at, updated_at, version, reopened) SELECT number + 5000000, requester_id, requester_given, requester_family, establishment, subject, type, summary, description, search_text, school_text, visibility, status, assigned_group, assignee, submitted_at, updated_at, version, reopened FROM requests WHERE number BETWEEN 300001 AND 320000"
for round in 1 2 3; do
  echo "words alone (V1_1, V24_1), round $round"; $P -c '\timing on' -c "BEGIN" -c "DROP INDEX h25_words, h25_school_words" -c "$ins" -c "ROLLBACK" | grep Time | sed -n 3p
  echo "group, assignee and words (V27), round $round"; $P -c '\timing on' -c "BEGIN" -c "DROP INDEX requests_words, requests_school_words" -c "$ins" -c "ROLLBACK" | grep Time | sed -n 3p
done
