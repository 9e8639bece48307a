package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists a person's own requests of one school year (the current one by default), newest first, a page at a time,
 * optionally those a search finds.
 */
public final class ListMyRequests {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final Clock clock;
    private final TicketingSettings settings;

    ListMyRequests(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, Clock clock,
            TicketingSettings settings) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.clock = clock;
        this.settings = settings;
    }

    /** {@code schoolYear} may be null: the current school year. */
    public Page<RequestLine> list(Person person, SchoolYear schoolYear, PageRequest page) {
        return search(person, schoolYear, null, page);
    }

    /**
     * As {@link #list}, keeping those {@code typed} finds ({@link RequestSearch}; null or blank for all): a person's
     * search never reaches another person's requests.
     */
    public Page<RequestLine> search(Person person, SchoolYear schoolYear, String typed, PageRequest page) {
        RequestQuery query = query(person, schoolYear, typed);
        return unitOfWork.read(() -> labels.lines(requests.list(query, page), person));
    }

    private RequestQuery query(Person person, SchoolYear schoolYear, String typed) {
        SchoolYear year = schoolYear != null ? schoolYear : currentSchoolYear();
        return RequestQuery.all().withRequester(person.id())
                .withSubmittedBetween(year.start(settings.zone()), year.end(settings.zone()))
                .withWords(RequestSearch.requireSearchable(typed));
    }

    /**
     * Every request {@link #search} would list, in its order, handed to {@code sink} a batch at a time (see
     * {@link RequestBatches}); a person's export never reaches another person's requests.
     */
    public void export(Person person, SchoolYear schoolYear, String typed, Consumer<List<RequestLine>> sink) {
        RequestBatches.each(unitOfWork, requests, labels, query(person, schoolYear, typed), person, sink);
    }

    public SchoolYear currentSchoolYear() {
        return SchoolYear.of(clock.instant(), settings.zone());
    }
}
