package fr.guichet.jdbc;

import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.answer.CannedAnswerText;
import fr.guichet.core.domain.answer.CannedAnswerTitle;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.port.CannedAnswers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Canned answers in {@code canned_answers}, one row each; a revision or removal names the version it read. */
final class JdbiCannedAnswers implements CannedAnswers {

    private static final String COLUMNS = "SELECT id, group_code, title, body, version FROM canned_answers ";

    private final Database db;

    JdbiCannedAnswers(Database db) {
        this.db = db;
    }

    @Override
    public List<CannedAnswer> ofGroup(GroupCode group) {
        return db.inTransaction(h -> h.createQuery(COLUMNS + "WHERE group_code = :group")
                .bind("group", group.value()).map((rs, ctx) -> answer(rs)).list());
    }

    @Override
    public Optional<CannedAnswer> find(CannedAnswerId id) {
        return db.inTransaction(h -> h.createQuery(COLUMNS + "WHERE id = :id")
                .bind("id", id.toString()).map((rs, ctx) -> answer(rs)).findOne());
    }

    @Override
    public void add(CannedAnswer answer) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO canned_answers (id, group_code, title, body, version) "
                        + "VALUES (:id, :group, :title, :body, :version)")
                .bind("id", answer.id().toString()).bind("group", answer.group().value())
                .bind("title", answer.title().value()).bind("body", answer.body().value())
                .bind("version", answer.version()).execute());
    }

    @Override
    public boolean replace(CannedAnswer revised) {
        return db.inTransaction(h -> h.createUpdate("UPDATE canned_answers SET title = :title, body = :body, "
                        + "version = :version WHERE id = :id AND version = :previous")
                .bind("id", revised.id().toString()).bind("title", revised.title().value())
                .bind("body", revised.body().value()).bind("version", revised.version())
                .bind("previous", revised.version() - 1).execute()) == 1;
    }

    @Override
    public boolean remove(CannedAnswerId id, long version) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM canned_answers WHERE id = :id AND version = :version")
                .bind("id", id.toString()).bind("version", version).execute()) == 1;
    }

    private static CannedAnswer answer(ResultSet rs) throws SQLException {
        return new CannedAnswer(new CannedAnswerId(UUID.fromString(rs.getString("id"))),
                GroupCode.of(rs.getString("group_code")), new CannedAnswerTitle(rs.getString("title")),
                new CannedAnswerText(rs.getString("body")), rs.getLong("version"));
    }
}
