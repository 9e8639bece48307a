package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.contract.EstablishmentListingContract;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists narrowed and searched by establishment on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiEstablishmentListingTest extends EstablishmentListingContract {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return node().unitOfWork();
    }

    @Override
    protected RequestRepository requests() {
        return node().requests();
    }

    @Override
    protected EstablishmentDirectory establishments() {
        return node().establishments();
    }

    @Override
    protected void staleSchoolWords(RequestNumber number, String words) {
        try (Connection c = node().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE requests SET school_text = ? WHERE number = ?")) {
            s.setString(1, words);
            s.setLong(2, number.value());
            assertEquals(1, s.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
