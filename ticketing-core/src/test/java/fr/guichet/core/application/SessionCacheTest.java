package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The node's cache of sessions: a call within its few seconds reads no store, a change made on this node holds at
 * once, one made elsewhere (straight in the store here) within the cache's life, and the cache stays bounded.
 */
class SessionCacheTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());

    @Test
    void a_session_signed_out_on_another_node_is_seen_within_the_cache_life() {
        SignedIn session = signIn(requester);

        world.sessions.delete(session.token().hash());
        assertEquals(requester.id(), world.ticketing.authenticate().person(session.token()).orElseThrow().id());
        world.clock.advance(SessionCache.DEFAULT_TTL);

        assertTrue(world.ticketing.authenticate().person(session.token()).isEmpty());
    }

    @Test
    void a_session_signed_out_on_this_node_is_refused_at_once() {
        SignedIn session = signIn(requester);
        assertTrue(world.ticketing.authenticate().person(session.token()).isPresent());

        world.ticketing.signOut().signOut(session.token());

        assertTrue(world.ticketing.authenticate().person(session.token()).isEmpty());
    }

    @Test
    void a_change_of_roles_on_this_node_holds_at_the_next_call() {
        Person admin = join(world, new Person(PersonId.of("admin-" + requester.id().value()),
                EmailAddress.of("admin-cache@ac-creteil.fr"), new PersonName("Ada", "Admin"), null,
                Set.of(Role.ADMIN), Set.of(), true));
        SignedIn session = signIn(requester);
        assertEquals(Set.of(Role.REQUESTER), world.ticketing.authenticate().person(session.token()).orElseThrow()
                .roles());

        world.ticketing.administerPeople().update(admin, requester.id(),
                new PersonForm(null, null, null, null, null, List.of("Demandeur", "Administrateur"), null, null), null);

        assertEquals(Set.of(Role.REQUESTER, Role.ADMIN),
                world.ticketing.authenticate().person(session.token()).orElseThrow().roles());
    }

    @Test
    void a_cached_session_never_outlives_the_session() {
        SignedIn session = signIn(requester);
        world.clock.set(session.expiresAt().minusSeconds(1));
        assertTrue(world.ticketing.authenticate().person(session.token()).isPresent());

        world.clock.set(session.expiresAt());

        assertTrue(world.ticketing.authenticate().person(session.token()).isEmpty());
    }

    @Test
    void a_zero_life_reads_the_store_every_time() {
        Ticketing uncached = Ticketing.builder(world.ports()).clock(world.clock).sessionCache(Duration.ZERO, 1).build();
        SignedIn session = uncached.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, false);

        world.sessions.delete(session.token().hash());

        assertTrue(uncached.authenticate().person(session.token()).isEmpty());
    }

    @Test
    void a_lookup_begun_before_a_sign_out_keeps_nothing() {
        SessionCache cache = new SessionCache(Duration.ofSeconds(5), 10);
        SessionToken token = SessionToken.random();
        Instant now = Fixtures.SEED_DAY;

        long seen = cache.generation();
        cache.forget(token.hash());
        cache.keep(seen, token.hash(), requester, now, now.plusSeconds(60));

        assertTrue(cache.find(token.hash(), now).isEmpty());
    }

    @Test
    void the_cache_keeps_at_most_its_capacity_the_latest_sessions() {
        SessionCache cache = new SessionCache(Duration.ofSeconds(5), 3);
        Instant now = Fixtures.SEED_DAY;
        List<SessionToken> tokens = List.of(SessionToken.random(), SessionToken.random(), SessionToken.random(),
                SessionToken.random());

        for (SessionToken token : tokens) {
            cache.keep(cache.generation(), token.hash(), requester, now, now.plusSeconds(60));
        }

        assertEquals(3, cache.size());
        assertTrue(cache.find(tokens.get(0).hash(), now).isEmpty());
        assertTrue(cache.find(tokens.get(3).hash(), now).isPresent());
    }

    private SignedIn signIn(Person person) {
        return world.ticketing.signIn().signIn(person.id().value(), TestWorld.PASSWORD, false);
    }
}
