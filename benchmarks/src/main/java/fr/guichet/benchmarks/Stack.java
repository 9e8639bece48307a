package fr.guichet.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.jdbc.JdbcModule;
import java.util.List;
import javax.sql.DataSource;

/** The core's use cases on {@code ticketing-jdbc} over one database, wired as the example server wires them. */
final class Stack implements AutoCloseable {

    private final Injector injector;
    private final Ticketing ticketing;

    Stack(Database database, int poolSize) {
        injector = Guice.createInjector(Stage.PRODUCTION, new JdbcModule(database.config(poolSize)));
        ticketing = ticketingWith(get(CatalogStore.class));
    }

    /** The same use cases reading the catalog from {@code catalog} instead of the database's store. */
    Ticketing ticketingWith(SubjectCatalogSource catalog) {
        return Ticketing.builder(Ports.lookUpLocal(injector::getInstance).withCatalog(catalog))
                .settings(TicketingSettings.defaults()).build();
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    Ticketing ticketing() {
        return ticketing;
    }

    DataSource dataSource() {
        return get(DataSource.class);
    }

    /** Stores groups, catalog and people in one transaction, without passwords (nobody signs in here). */
    void load(List<SupportGroup> groups, SubjectCatalog catalog, List<Person> people) {
        PersonRegistry registry = get(PersonRegistry.class);
        get(UnitOfWork.class).run(() -> {
            groups.forEach(registry::saveGroup);
            get(CatalogStore.class).replace(catalog);
            people.forEach(registry::save);
        });
    }

    @Override
    public void close() {
        if (dataSource() instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the pool failed", e);
            }
        }
    }
}
