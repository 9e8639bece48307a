package fr.guichet.jdbc;

import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.StatisticsQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The statement of a {@link StatisticsQuery}: the requests of the period are given their key (a month's bounds and a
 * subject's roll-ups bound as values), then grouped and counted by the database; the medians are PERCENTILE_CONT(0.5),
 * an ordered-set aggregate on H2 and PostgreSQL and a window function on MariaDB, which has no such aggregate, each
 * ignoring requests without the time measured. Durations are in seconds, to the microsecond. The period's rows are
 * read from requests_figures alone; a subject's key is looked up once per catalogued subject (the roll-ups matched
 * against the subjects table), the roll-up matched per request only for a subject the catalog lacks; the survey
 * answers joined are those given since the period began, since one is only given after its request was filed.
 */
final class StatisticsSql {

    private static final String CLOSED = "r.status IN ('RESOLVED', 'CLOSED')";
    /** When a request's clock stopped: its resolution, the start of its wait on the requester, or now. */
    private static final String STOPPED = "(CASE WHEN " + CLOSED + " AND r.resolved_at IS NOT NULL THEN r.resolved_at"
            + " WHEN r.status = 'WAITING_FOR_REQUESTER' AND r.status_since IS NOT NULL THEN r.status_since"
            + " ELSE :now END)";
    /**
     * A missed target, as {@code ServiceLevel#breached} says: the first answer, or the clock's stop while none was
     * given, after its due; the clock's stop (the resolution once resolved) after the resolution's due. A target
     * without a due compares to null, which is no breach.
     */
    private static final String BREACHED = "CASE WHEN r.first_answer_due < COALESCE(r.first_answer_at, " + STOPPED
            + ") OR r.resolution_due < " + STOPPED + " THEN 1 ELSE 0 END";
    private static final String MEDIAN = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)";

    private final Dialect dialect;
    private final StatisticsQuery query;
    private final Map<String, Object> values = new HashMap<>();

    private StatisticsSql(Dialect dialect, StatisticsQuery query) {
        this.dialect = dialect;
        this.query = query;
    }

    static StatisticsSql of(Dialect dialect, StatisticsQuery query) {
        return new StatisticsSql(dialect, query);
    }

    /** The query answering one row per key: k, filed, resolved, answers, score_sum, breaches and the medians. */
    Query query(Handle h) {
        return statement(h, "");
    }

    /** The database's plan of {@link #query}. */
    Query explain(Handle h) {
        return statement(h, "EXPLAIN ");
    }

    private Query statement(Handle h, String prefix) {
        String sql = prefix + (dialect == Dialect.MARIADB ? windowed() : aggregated());
        Query q = h.createQuery(sql).bind("from", query.from()).bind("before", query.before())
                .bind("now", query.now()).bind("limit", query.limit());
        values.forEach(q::bind);
        return q;
    }

    /** H2 and PostgreSQL: the medians are aggregates of the groups. */
    private String aggregated() {
        return "SELECT k, " + counts() + ", " + String.format(MEDIAN, "first_answer") + " AS median_first_answer, "
                + String.format(MEDIAN, "resolution") + " AS median_resolution FROM (" + requests() + ") b GROUP BY k"
                + orderAndLimit();
    }

    /** MariaDB: each request carries its group's medians, computed over its partition. */
    private String windowed() {
        return "SELECT k, " + counts() + ", MAX(median_first_answer) AS median_first_answer, MAX(median_resolution)"
                + " AS median_resolution FROM (SELECT b.*, " + String.format(MEDIAN, "first_answer")
                + " OVER (PARTITION BY k) AS median_first_answer, " + String.format(MEDIAN, "resolution")
                + " OVER (PARTITION BY k) AS median_resolution FROM (" + requests() + ") b) w GROUP BY k"
                + orderAndLimit();
    }

    private static String counts() {
        return "COUNT(*) AS filed, SUM(closed) AS resolved, COUNT(score) AS answers,"
                + " COALESCE(SUM(score), 0) AS score_sum, SUM(breached) AS breaches";
    }

    private String orderAndLimit() {
        String key = dialect == Dialect.POSTGRESQL ? "k COLLATE \"C\"" : "k";
        return (query.by() == StatisticsGrouping.MONTH ? " ORDER BY " + key : " ORDER BY COUNT(*) DESC, " + key)
                + " LIMIT :limit";
    }

    /** The requests of the period with their key, whether closed, their durations, survey score and breach. */
    private String requests() {
        String within = "";
        if (query.within() != null) {
            within = " AND (r.subject = :within OR r.subject LIKE :withinBelow ESCAPE '!')";
            values.put("within", query.within().value());
            values.put("withinBelow", RequestListing.likeEscaped(query.within().value() + ".") + "%");
        }
        String department = query.by() == StatisticsGrouping.DEPARTMENT
                ? " LEFT JOIN establishments e ON e.uai = r.establishment" : "";
        return "SELECT " + key() + " AS k, CASE WHEN " + CLOSED + " THEN 1 ELSE 0 END AS closed, "
                + seconds("r.first_answer_at") + " AS first_answer, CASE WHEN " + CLOSED + " THEN "
                + seconds("r.resolved_at") + " END AS resolution, s.score AS score, " + BREACHED + " AS breached"
                + " FROM requests r" + subjectKeys() + " LEFT JOIN (SELECT request_number, score FROM"
                + " satisfaction_answers WHERE answered_at >= :from) s ON s.request_number = r.number" + department
                + " WHERE r.submitted_at >= :from AND r.submitted_at < :before" + within;
    }

    /** The key of a request: each branch bound as values, never spliced. */
    private String key() {
        return switch (query.by()) {
            case MONTH -> months();
            case SUBJECT -> query.rollUps().isEmpty() ? "r.subject" : "COALESCE(m.k, " + rollUp("r.subject") + ")";
            case ESTABLISHMENT -> "COALESCE(r.establishment, '')";
            case DEPARTMENT -> "COALESCE(e.department, '')";
            case GROUP -> "r.assigned_group";
        };
    }

    private String months() {
        List<StatisticsQuery.Month> months = query.months();
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 1; i < months.size(); i++) {
            sql.append(" WHEN r.submitted_at < :monthStart").append(i).append(" THEN :month").append(i - 1);
            values.put("monthStart" + i, months.get(i).start());
            values.put("month" + (i - 1), months.get(i - 1).key());
        }
        int last = months.size() - 1;
        values.put("month" + last, months.get(last).key());
        return sql.append(" ELSE :month").append(last).append(" END").toString();
    }

    /** The key of each catalogued subject, as m.k, when grouped by subject with roll-ups; nothing otherwise. */
    private String subjectKeys() {
        if (query.by() != StatisticsGrouping.SUBJECT || query.rollUps().isEmpty()) {
            return "";
        }
        return " LEFT JOIN (SELECT code, " + rollUp("code") + " AS k FROM subjects) m ON m.code = r.subject";
    }

    /** The roll-up holding the subject {@code column}, or the subject itself when none does; each bound as values. */
    private String rollUp(String column) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < query.rollUps().size(); i++) {
            String code = query.rollUps().get(i).value();
            sql.append(" WHEN ").append(column).append(" = :rollUp").append(i).append(" OR ").append(column)
                    .append(" LIKE :rollUpBelow").append(i).append(" ESCAPE '!' THEN :rollUp").append(i);
            values.put("rollUp" + i, code);
            values.put("rollUpBelow" + i, RequestListing.likeEscaped(code + ".") + "%");
        }
        return sql.append(" ELSE ").append(column).append(" END").toString();
    }

    /** The seconds from the filing to {@code column}, to the microsecond; null when the column is. */
    private String seconds(String column) {
        return switch (dialect) {
            case H2 -> "CAST(DATEDIFF(MICROSECOND, r.submitted_at, " + column + ") AS DOUBLE PRECISION) / 1000000";
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM (" + column + " - r.submitted_at)) AS DOUBLE PRECISION)";
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, r.submitted_at, " + column + ") / 1000000";
        };
    }
}
