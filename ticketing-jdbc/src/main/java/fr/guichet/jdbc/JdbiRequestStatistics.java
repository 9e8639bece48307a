package fr.guichet.jdbc;

import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.StatisticsQuery;
import fr.guichet.core.port.StatisticsRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The figures of requests grouped and counted by the database in one statement ({@link StatisticsSql}): the rows read
 * are the groups, never the requests.
 */
final class JdbiRequestStatistics implements RequestStatistics {

    private final Database db;

    JdbiRequestStatistics(Database db) {
        this.db = db;
    }

    @Override
    public List<StatisticsRow> figures(StatisticsQuery query) {
        StatisticsSql sql = StatisticsSql.of(db.dialect(), query);
        return db.inTransaction(h -> sql.query(h).map((rs, ctx) -> row(rs)).list());
    }

    /** The database's plan for the figures of {@code query}, one line per row of its EXPLAIN; for tests of indexes. */
    String explain(StatisticsQuery query) {
        return db.inTransaction(h -> JdbiRequestRepository.plan(StatisticsSql.of(db.dialect(), query).explain(h)));
    }

    private static StatisticsRow row(ResultSet rs) throws SQLException {
        long filed = rs.getLong("filed");
        long resolved = rs.getLong("resolved");
        return new StatisticsRow(rs.getString("k").strip(), filed, resolved, filed - resolved,
                seconds(rs, "median_first_answer"), seconds(rs, "median_resolution"), rs.getLong("answers"),
                rs.getLong("score_sum"), rs.getLong("breaches"));
    }

    private static Double seconds(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
