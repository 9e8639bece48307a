package fr.guichet.jdbc;

import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The inbound mail log in {@code inbound_mail}, one row per message key (its unique index): a second import of a key
 * breaks it, committed by another node meanwhile included, which aborts the transaction on PostgreSQL.
 */
final class JdbiInboundMailLog implements InboundMailLog {

    private static final String COLUMNS = "id, message_key, outcome, reason, received_at, request_number, sender_key, "
            + "sender, subject, body, handled_at, handled_by";

    private final Database db;

    JdbiInboundMailLog(Database db) {
        this.db = db;
    }

    @Override
    public boolean contains(String messageKey) {
        return db.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM inbound_mail WHERE message_key = :key")
                .bind("key", messageKey).mapTo(Long.class).one() > 0);
    }

    @Override
    public boolean add(LoggedMail mail) {
        return db.inTransaction(h -> {
            try {
                h.createUpdate("INSERT INTO inbound_mail (" + COLUMNS + ") VALUES (:id, :key, :outcome, :reason, "
                                + ":receivedAt, :request, :senderKey, :sender, :subject, :body, :handledAt, :handledBy)")
                        .bind("id", mail.id().toString()).bind("key", mail.messageKey())
                        .bind("outcome", mail.outcome().name()).bind("reason", mail.reason())
                        .bind("receivedAt", mail.receivedAt())
                        .bind("request", mail.requestNumber().map(RequestNumber::value).orElse(null))
                        .bind("senderKey", mail.senderKey()).bind("sender", mail.sender())
                        .bind("subject", mail.subject()).bind("body", mail.text())
                        .bind("handledAt", mail.handledAt())
                        .bind("handledBy", mail.handledBy() == null ? null : mail.handledBy().value())
                        .execute();
                return true;
            } catch (UnableToExecuteStatementException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                return false;
            }
        });
    }

    @Override
    public long countFrom(String senderKey, Instant since) {
        return db.inTransaction(h -> h.createQuery(
                        "SELECT COUNT(*) FROM inbound_mail WHERE sender_key = :senderKey AND received_at >= :since")
                .bind("senderKey", senderKey).bind("since", since).mapTo(Long.class).one());
    }

    @Override
    public Page<LoggedMail> pending(MailOutcome outcome, PageRequest page) {
        return db.inTransaction(h -> {
            long total = h.createQuery(
                            "SELECT COUNT(*) FROM inbound_mail WHERE outcome = :outcome AND handled_at IS NULL")
                    .bind("outcome", outcome.name()).mapTo(Long.class).one();
            List<LoggedMail> items = h.createQuery("SELECT " + COLUMNS + " FROM inbound_mail "
                            + "WHERE outcome = :outcome AND handled_at IS NULL "
                            + "ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("outcome", outcome.name()).bind("limit", page.size()).bind("offset", page.offset())
                    .map((rs, ctx) -> row(rs)).list();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Optional<LoggedMail> find(UUID id) {
        return db.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM inbound_mail WHERE id = :id")
                .bind("id", id.toString()).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public boolean markHandled(UUID id, PersonId by, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE inbound_mail SET handled_at = :at, handled_by = :by "
                        + "WHERE id = :id AND handled_at IS NULL")
                .bind("at", at).bind("by", by.value()).bind("id", id.toString()).execute() == 1);
    }

    @Override
    public int purge(Instant before, Instant keptBefore) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM inbound_mail WHERE handled_at < :before "
                        + "OR (handled_at IS NULL AND outcome <> 'UNATTACHED' AND received_at < :before) "
                        + "OR (handled_at IS NULL AND outcome = 'UNATTACHED' AND received_at < :keptBefore)")
                .bind("before", before).bind("keptBefore", keptBefore).execute());
    }

    @Override
    public int forgetRequests(Collection<RequestNumber> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        return db.inTransaction(h -> h.createUpdate("DELETE FROM inbound_mail WHERE request_number IN (<numbers>)")
                .bindList("numbers", requests.stream().map(RequestNumber::value).toList()).execute());
    }

    @Override
    public int forgetSender(EmailAddress sender) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM inbound_mail WHERE sender_key = :senderKey")
                .bind("senderKey", LoggedMail.senderKey(sender.value())).execute());
    }

    private static LoggedMail row(ResultSet rs) throws SQLException {
        long request = rs.getLong("request_number");
        RequestNumber number = rs.wasNull() ? null : RequestNumber.of(request);
        String handledBy = rs.getString("handled_by");
        return new LoggedMail(UUID.fromString(rs.getString("id")), rs.getString("message_key"),
                MailOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                Database.instant(rs, "received_at"), number, rs.getString("sender_key"), rs.getString("sender"),
                rs.getString("subject"), rs.getString("body"), Database.instant(rs, "handled_at"),
                handledBy == null ? null : PersonId.of(handledBy));
    }
}
