-- The académie's figures (issue 19) read the requests filed in a period from requests_figures alone: it holds every
-- column the statistics statement reads by month, subject, establishment or département (run-17: 4.5 times the plain
-- GROUP BY by subject at 100,000 requests, most of it reading the period's rows scattered through the table). It leaves
-- out assigned_group, so that PostgreSQL never reads a group's queue newest first through it. The survey answers the
-- statement joins are those given since the period began, read from satisfaction_by_time.
CREATE INDEX requests_figures ON requests (submitted_at, subject, establishment, status, first_answer_at, resolved_at,
    first_answer_due, resolution_due, status_since, number);
CREATE INDEX satisfaction_by_time ON satisfaction_answers (answered_at, request_number, score);
