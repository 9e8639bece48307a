package fr.guichet.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Stage;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.RequestLine;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.jdbc.JdbcModule;
import java.util.List;

/** What another academy application writes to embed Guichet: the core over the JDBC adapter, wired by Guice. */
public final class EmbeddingExample {

    /** Offers the core's use cases over the ports the JDBC module binds. */
    static final class TicketingModule extends AbstractModule {
        @Provides
        Ticketing ticketing(Injector injector) {
            return Ticketing.builder(Ports.lookUpLocal(injector::getInstance)).build();
        }
    }

    /** Files the seed's request in an in-memory H2 database and returns the lines of "my requests". */
    public static List<String> run() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new TicketingModule(),
                new JdbcModule(new JdbcConfig("jdbc:h2:mem:embedding;DB_CLOSE_DELAY=-1", "sa", "")));
        injector.getInstance(UnitOfWork.class).run(() -> {
            injector.getInstance(CatalogStore.class).replace(DemoData.catalog());
            DemoData.groups().forEach(injector.getInstance(PersonRegistry.class)::saveGroup);
            DemoData.people().forEach(injector.getInstance(PersonRegistry.class)::save);
        });
        Ticketing ticketing = injector.getInstance(Ticketing.class);
        Person teacher = DemoData.people().get(0);
        RequestDraft draft = RequestDraft.parse("EVE-4.2", "USAGE", "perte d'identifiant",
                "Je ne me souviens plus de mon mot de passe", "PRIVATE");
        ticketing.fileRequest().file(teacher, draft, List.of(), null);
        return ticketing.listMyRequests().list(teacher, null, PageRequest.first()).items().stream()
                .map(EmbeddingExample::format).toList();
    }

    private static String format(RequestLine line) {
        return line.request().number() + "  " + line.request().summary() + "  " + line.subjectDisplay() + " par "
                + line.request().requester().name().listed();
    }

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
