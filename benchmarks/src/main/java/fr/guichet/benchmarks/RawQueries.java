package fr.guichet.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The plain-JDBC statements a hand-written application would run for the workbench's answers, on the same tables and
 * indexes, in auto-commit: a page of 20 lines with the names of their assignee and last actor, the page's total, and
 * the counts of a queue by status, totals and counts read up to 10,001 rows as the library promises them (exact up to
 * 10,000). Each call reads every column of every row, as the library maps them; the rows of {@link #COUNTS} are added
 * up by status as the library adds up its branches.
 */
final class RawQueries {

    /** A staff member's queue: their group's requests and theirs. */
    static final String QUEUE = "(r.assigned_group = ? OR r.assignee = ?)";
    static final String NUMBER = "r.number = ?";
    static final String ONE_WORD = "r.search_text LIKE ?";
    static final String TWO_WORDS = "r.search_text LIKE ? AND r.search_text LIKE ?";

    private static final String LINE = """
            SELECT r.number, r.summary, r.subject, r.type, r.status, r.visibility, r.submitted_at, r.updated_at,
                r.establishment, r.requester_id, r.requester_given, r.requester_family, r.assigned_group, r.assignee,
                r.last_activity_at, r.last_activity_by, r.last_activity_staff, a.given_name, a.family_name,
                l.given_name, l.family_name
            FROM requests r LEFT JOIN people a ON a.id = r.assignee LEFT JOIN people l ON l.id = r.last_activity_by
            WHERE\s""";
    private static final String NEWEST_FIRST = " ORDER BY r.submitted_at DESC, r.number DESC LIMIT 20";
    /** How far totals and counts read: one row past the 10,000 they are exact up to. */
    static final int READ_UP_TO = 10_001;
    private static final String TOTAL = "SELECT COUNT(*) FROM (SELECT 1 AS one FROM requests r WHERE ";
    private static final String TOTAL_END = " LIMIT " + READ_UP_TO + ") counted";
    private static final List<String> STATUSES = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER",
            "RESOLVED", "CLOSED");

    /**
     * What {@code GET /requests/counts?scope=queue} answers, in one statement that reads, for each status, up to
     * {@link #READ_UP_TO} entries of the group's index range and of the person's outside the group: the flags
     * (unassigned, awaiting the staff, mine, reopened) among open statuses, awaiting the staff among RESOLVED too,
     * CLOSED counted only (values: for each status, me for an open one, group, then me, group).
     */
    static final String COUNTS = STATUSES.stream().map(status -> {
        String limit = " LIMIT " + READ_UP_TO + ")";
        String ofGroup = " FROM requests WHERE status = '" + status + "' AND assigned_group = ?" + limit + " g";
        String ofMine = " FROM requests WHERE status = '" + status + "' AND assignee = ? AND assigned_group <> ?"
                + limit + " a";
        String awaiting = "SUM(CASE WHEN last_activity_staff = FALSE THEN 1 ELSE 0 END)";
        String select = "SELECT '" + status + "', COUNT(*), ";
        return switch (status) {
            case "CLOSED" -> select + "0, 0, 0, 0 FROM (SELECT 1 AS one" + ofGroup + " UNION ALL " + select
                    + "0, 0, 0, 0 FROM (SELECT 1 AS one" + ofMine;
            case "RESOLVED" -> select + "0, " + awaiting + ", 0, 0 FROM (SELECT last_activity_staff" + ofGroup
                    + " UNION ALL " + select + "0, " + awaiting + ", 0, 0 FROM (SELECT last_activity_staff" + ofMine;
            default -> select + "SUM(CASE WHEN assignee IS NULL THEN 1 ELSE 0 END), " + awaiting
                    + ", SUM(CASE WHEN assignee = ? THEN 1 ELSE 0 END), SUM(CASE WHEN reopened = TRUE THEN 1 ELSE 0 "
                    + "END) FROM (SELECT assignee, last_activity_staff, reopened" + ofGroup + " UNION ALL " + select
                    + "0, " + awaiting + ", COUNT(*), SUM(CASE WHEN reopened = TRUE THEN 1 ELSE 0 END) FROM (SELECT "
                    + "last_activity_staff, reopened" + ofMine;
        };
    }).collect(Collectors.joining(" UNION ALL "));

    /** The floor of any count by status: one group's, read from the group's queue index alone. */
    static final String GROUP_COUNTS = "SELECT status, COUNT(*) FROM requests WHERE assigned_group = ? GROUP BY status";

    private final DataSource dataSource;

    RawQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first 20 lines matching {@code condition}, newest first, and their total when {@code withTotal}. */
    int page(String condition, boolean withTotal, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            int rows = rows(c, LINE + condition + NEWEST_FIRST, values);
            return withTotal ? rows + rows(c, totalSql(condition), values) : rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The counts of {@code me}'s queue by status: total, unassigned, awaiting the staff, assigned to {@code me},
     * reopened; those of several statuses (open, not closed) are their sums.
     */
    Map<String, long[]> counts(String group, String me) {
        Map<String, long[]> byStatus = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = prepared(c, COUNTS, countsValues(group, me));
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                long[] sums = byStatus.computeIfAbsent(rs.getString(1), k -> new long[5]);
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += rs.getLong(i + 2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return byStatus;
    }

    /** The rows of {@code sql}, one of this class's statements. */
    int query(String sql, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, sql, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@link #COUNTS} for {@code me}'s queue of {@code group}. */
    static Object[] countsValues(String group, String me) {
        List<Object> values = new ArrayList<>();
        for (String status : STATUSES) {
            if (!status.equals("CLOSED") && !status.equals("RESOLVED")) {
                values.add(me);
            }
            values.addAll(List.of(group, me, group));
        }
        return values.toArray();
    }

    /** How many requests {@code condition} matches, exactly. */
    long count(String condition, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = prepared(c, "SELECT COUNT(*) FROM requests r WHERE " + condition, values);
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of the database's plan of {@code sql} (prefixed with EXPLAIN and its options) for {@code values}. */
    static List<String> plan(Connection c, String prefix, String sql, Object... values) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement p = prepared(c, prefix + sql, values); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** The page statement of {@link #page} for {@code condition}, for its plan. */
    static String pageSql(String condition) {
        return LINE + condition + NEWEST_FIRST;
    }

    /** The total statement of {@link #page} for {@code condition}, for its plan. */
    static String totalSql(String condition) {
        return TOTAL + condition + TOTAL_END;
    }

    private static int rows(Connection c, String sql, Object... values) throws SQLException {
        int rows = 0;
        try (PreparedStatement p = prepared(c, sql, values); ResultSet rs = p.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
        return p;
    }
}
