package fr.guichet.core.testing;

import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.port.CannedAnswers;
import java.util.List;
import java.util.Optional;

/** Canned answers in memory, by identifier. */
public final class InMemoryCannedAnswers implements CannedAnswers {

    private final InMemoryDatabase db;

    public InMemoryCannedAnswers(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<CannedAnswer> ofGroup(GroupCode group) {
        return db.read(s -> s.cannedAnswers.values().stream().filter(a -> a.group().equals(group)).toList());
    }

    @Override
    public Optional<CannedAnswer> find(CannedAnswerId id) {
        return db.read(s -> Optional.ofNullable(s.cannedAnswers.get(id)));
    }

    @Override
    public void add(CannedAnswer answer) {
        db.write(s -> {
            if (s.cannedAnswers.putIfAbsent(answer.id(), answer) != null) {
                throw new IllegalStateException("canned answer " + answer.id() + " exists already");
            }
        });
    }

    @Override
    public boolean replace(CannedAnswer revised) {
        return db.read(s -> {
            CannedAnswer stored = s.cannedAnswers.get(revised.id());
            if (stored == null || stored.version() != revised.version() - 1) {
                return false;
            }
            s.cannedAnswers.put(revised.id(), revised);
            return true;
        });
    }

    @Override
    public boolean remove(CannedAnswerId id, long version) {
        return db.read(s -> {
            CannedAnswer stored = s.cannedAnswers.get(id);
            return stored != null && stored.version() == version && s.cannedAnswers.remove(id) != null;
        });
    }
}
