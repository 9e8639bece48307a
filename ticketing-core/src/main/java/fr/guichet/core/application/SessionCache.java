package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The people of this node's recent sessions, each kept at most {@code ttl} and never past its session's end, at most
 * {@code capacity} sessions (the oldest cached leaving first), so that a signed-in call need not read the store. An
 * entry dies at once when this node signs the session out, ends the person's sessions or makes any administrative
 * change (people, roles, groups), and a lookup that began before such a change never caches what it read; another
 * node's change is seen here within {@code ttl}. A zero {@code ttl} caches nothing. Thread-safe.
 */
final class SessionCache {

    /** How long an entry lives by default: what another node's sign-out or deactivation may take to be seen here. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    /** How many sessions are kept by default. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Duration ttl;
    private final int capacity;
    private final Map<TokenHash, Entry> entries;
    private long generation;

    SessionCache(Duration ttl, int capacity) {
        if (ttl.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("session cache: ttl " + ttl + ", capacity " + capacity);
        }
        this.ttl = ttl;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TokenHash, Entry> eldest) {
                return size() > SessionCache.this.capacity;
            }
        };
    }

    /** What a lookup must hand back to {@link #keep}: the changes seen so far on this node. */
    synchronized long generation() {
        return generation;
    }

    /** The person of this session if cached and still fresh at {@code now}. */
    synchronized Optional<Person> find(TokenHash hash, Instant now) {
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(hash);
            return Optional.empty();
        }
        return Optional.of(entry.person());
    }

    /**
     * Keeps {@code person} for this session from {@code now} until {@code ttl} later or {@code sessionEnd}, whichever
     * comes first, unless a change happened on this node since {@code seen} was taken.
     */
    synchronized void keep(long seen, TokenHash hash, Person person, Instant now, Instant sessionEnd) {
        if (ttl.isZero() || seen != generation) {
            return;
        }
        Instant until = now.plus(ttl);
        entries.put(hash, new Entry(person, until.isBefore(sessionEnd) ? until : sessionEnd));
    }

    /** Forgets one session. */
    synchronized void forget(TokenHash hash) {
        generation++;
        entries.remove(hash);
    }

    /** Forgets every session of {@code person}. */
    synchronized void forget(PersonId person) {
        generation++;
        entries.values().removeIf(e -> e.person().id().equals(person));
    }

    /** Forgets every session. */
    synchronized void clear() {
        generation++;
        entries.clear();
    }

    /** How many sessions are cached, expired ones included until looked up or pushed out. */
    synchronized int size() {
        return entries.size();
    }

    private record Entry(Person person, Instant until) {
    }
}
