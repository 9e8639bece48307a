package fr.guichet.jdbc;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The index of words Guichet writes beside each request's search text (V29): the vocabulary {@code search_words} of
 * the words the postings hold, and the postings {@code request_words}, one per distinct word of a request's search
 * text, written in the caller's transaction with the request's row. A query word is a substring of a request's
 * search text exactly when it is a substring of one of its words, so that the vocabulary words holding it give,
 * through their postings, exactly the requests holding it. Only words with a letter are indexed (a request's number,
 * a requester's numeric identifier are not: a search of digits alone keeps reading the search text), and a word longer
 * than {@link #LENGTH} as overlapping pieces, so that every query word of up to {@link #LONGEST_SEARCHED} characters
 * is in one piece.
 */
final class RequestWords {

    /** The longest word or piece of a word stored. */
    static final int LENGTH = 100;
    /** The longest query word looked up in the index; a longer one reads the search text. */
    static final int LONGEST_SEARCHED = LENGTH / 2;

    /**
     * A request's postings, one statement for all its words, each in the vocabulary already, its keys copied from the
     * request's row, written before them in the same transaction.
     */
    private static final String ADD_POSTINGS = "INSERT INTO request_words (word, number, assigned_group, assignee, "
            + "submitted_at) SELECT v.word, r.number, r.assigned_group, r.assignee, r.submitted_at FROM search_words v "
            + "JOIN requests r ON r.number = :number WHERE v.word IN (<words>)";
    private static final String MOVE_POSTINGS = "UPDATE request_words SET assigned_group = :group, "
            + "assignee = :assignee WHERE number = :number";
    private static final String REMOVE_POSTING = "DELETE FROM request_words WHERE word = :word AND number = :number";

    private RequestWords() {
    }

    /** The words of {@code searchText} (normalised, words one space apart) that the index holds, each once. */
    static Set<String> of(String searchText) {
        Set<String> words = new TreeSet<>();
        for (String word : searchText.split(" ")) {
            if (word.codePoints().anyMatch(Character::isLetter)) {
                words.addAll(pieces(word));
            }
        }
        return words;
    }

    /** Whether the normalised query word {@code word} is looked up in the index rather than in the search text. */
    static boolean looksUp(String word) {
        return word.length() <= LONGEST_SEARCHED && word.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * {@code word} whole, or when longer than {@link #LENGTH} code points its pieces of that length starting every
     * {@link #LONGEST_SEARCHED} code points, the last one ending with the word.
     */
    private static List<String> pieces(String word) {
        int[] points = word.codePoints().toArray();
        if (points.length <= LENGTH) {
            return List.of(word);
        }
        Set<String> pieces = new HashSet<>();
        for (int start = 0; start < points.length; start += LONGEST_SEARCHED) {
            int from = Math.min(start, points.length - LENGTH);
            pieces.add(new String(points, from, LENGTH));
        }
        return List.copyOf(pieces);
    }

    /** Indexes the words of {@code searchText} for the new request {@code number}. */
    static void add(Handle h, Dialect dialect, long number, String searchText) {
        write(h, dialect, Map.of(number, of(searchText)));
    }

    /**
     * Gives the postings of the request {@code number} its group and assignee ({@code null} for none), when they
     * changed.
     */
    static void move(Handle h, long number, String group, String assignee) {
        h.createUpdate(MOVE_POSTINGS).bind("group", group).bind("assignee", assignee).bind("number", number).execute();
    }

    /**
     * Indexes the request {@code number} under the words of {@code after} instead of those of {@code before}: writes
     * the postings of the new words only, deletes those of the words gone.
     */
    static void change(Handle h, Dialect dialect, long number, String before, String after) {
        if (before.equals(after)) {
            return;
        }
        Set<String> was = of(before);
        Set<String> is = of(after);
        Set<String> gone = new TreeSet<>(was);
        gone.removeAll(is);
        is.removeAll(was);
        if (!gone.isEmpty()) {
            PreparedBatch remove = h.prepareBatch(REMOVE_POSTING);
            gone.forEach(word -> remove.bind("word", word).bind("number", number).add());
            remove.execute();
        }
        write(h, dialect, Map.of(number, is));
    }

    /**
     * Indexes each of {@code texts}' requests (by number) under the words of its new search text alone, as
     * anonymisation rewrites it: their postings are deleted, then the vocabulary's words that no request holds any
     * more among those they held, then the new ones are written. The words they held are locked before the postings
     * are checked, and {@link #write} takes the same lock before writing a posting: a word that another transaction
     * is filing is either kept (that transaction had the lock first and committed its posting, which the check sees:
     * a statement started after it on H2, a locking read inside a delete on MariaDB) or deleted and written again by
     * that transaction once it has the lock.
     */
    static void replace(Handle h, Dialect dialect, Map<Long, String> texts) {
        if (texts.isEmpty()) {
            return;
        }
        List<Long> numbers = List.copyOf(texts.keySet());
        List<String> held = h.createQuery("SELECT DISTINCT word FROM request_words WHERE number IN (<numbers>) "
                        + "ORDER BY word").bindList("numbers", numbers).mapTo(String.class).list();
        h.createUpdate("DELETE FROM request_words WHERE number IN (<numbers>)").bindList("numbers", numbers)
                .execute();
        for (int start = 0; start < held.size(); start += 1_000) {
            List<String> batch = held.subList(start, Math.min(held.size(), start + 1_000));
            h.createQuery("SELECT word FROM search_words WHERE word IN (<words>) ORDER BY word" + dialect.forUpdate())
                    .bindList("words", batch).mapTo(String.class).list();
            h.createUpdate("DELETE FROM search_words WHERE word IN (<words>) AND NOT EXISTS "
                            + "(SELECT 1 FROM request_words p WHERE p.word = search_words.word)")
                    .bindList("words", batch).execute();
        }
        Map<Long, Set<String>> words = new TreeMap<>();
        texts.forEach((number, text) -> words.put(number, of(text)));
        write(h, dialect, words);
    }

    /**
     * Adds to the vocabulary the words of {@code words} (by request number) it lacks, in order, and locks each word's
     * row until the transaction ends whether it adds it or finds it (H2's merge updates it, MariaDB's insert ignoring a
     * duplicate takes a shared lock on it; on PostgreSQL, whose insert does neither, a shared lock is taken after it,
     * the words deleted meanwhile added again), then writes their postings: {@link #replace} cannot delete a word
     * between the two.
     */
    private static void write(Handle h, Dialect dialect, Map<Long, ? extends Collection<String>> words) {
        Set<String> vocabulary = new TreeSet<>();
        words.values().forEach(vocabulary::addAll);
        if (vocabulary.isEmpty()) {
            return;
        }
        boolean locked;
        do {
            PreparedBatch known = h.prepareBatch(dialect.insertUnlessPresent("search_words", "word"));
            vocabulary.forEach(word -> known.bind("word", word).add());
            known.execute();
            locked = dialect.insertUnlessPresentLocks() || h.createQuery("SELECT word FROM search_words WHERE word IN "
                    + "(<words>) ORDER BY word FOR SHARE").bindList("words", List.copyOf(vocabulary))
                    .mapTo(String.class).list().size() == vocabulary.size();
        } while (!locked);
        words.forEach((number, each) -> {
            if (!each.isEmpty()) {
                h.createUpdate(ADD_POSTINGS).bind("number", number).bindList("words", List.copyOf(each)).execute();
            }
        });
    }
}
