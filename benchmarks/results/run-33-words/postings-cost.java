package fr.guichet.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * run-33-words, by hand: what the index of words adds to one filing, its postings and vocabulary statements alone, in
 * their own transaction per filing as RequestWords.add writes them (a batch of postings, then a batch of vocabulary
 * inserts unless present), on a fresh H2 file and a fresh PostgreSQL database holding the tables of V29 and
 * {@code prefill} requests' postings; search texts as BulkLoader writes them.
 */
public class PostingsCost {
    public static void main(String[] a) throws Exception {
        String url = a[0];
        boolean pg = url.startsWith("jdbc:postgresql");
        int prefill = Integer.parseInt(a[1]);
        int filings = Integer.parseInt(a[2]);
        List<SupportVocabulary.NameRow> names = SupportVocabulary.names();
        List<SupportVocabulary.TextRow> texts = SupportVocabulary.texts();
        try (Connection c = DriverManager.getConnection(url, pg ? "postgres" : "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE search_words (word VARCHAR(200) NOT NULL, PRIMARY KEY (word))");
                s.execute("CREATE TABLE request_words (word VARCHAR(200) NOT NULL, number BIGINT NOT NULL, PRIMARY KEY (word, number))");
                s.execute("CREATE INDEX request_words_by_number ON request_words (number)");
            }
            String vocabulary = pg ? "INSERT INTO search_words (word) VALUES (?) ON CONFLICT DO NOTHING"
                    : "MERGE INTO search_words (word) KEY (word) VALUES (?)";
            long words = 0;
            List<Long> nanos = new ArrayList<>();
            for (int n = 1; n <= prefill + filings; n++) {
                String text = String.format("%07d", n) + " req " + (n * 7919 % 20000) + " "
                        + names.get(n % names.size()).searchText() + " 0941295x " + texts.get(n * 2029 % texts.size()).searchText();
                Set<String> set = new TreeSet<>();
                for (String w : text.split(" ")) {
                    if (w.codePoints().anyMatch(Character::isLetter)) {
                        set.add(w);
                    }
                }
                long t = System.nanoTime();
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO request_words (word, number) VALUES (?, ?)");
                        PreparedStatement v = c.prepareStatement(vocabulary)) {
                    for (String w : set) {
                        p.setString(1, w);
                        p.setLong(2, n);
                        p.addBatch();
                        v.setString(1, w);
                        v.addBatch();
                    }
                    p.executeBatch();
                    v.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
                if (n > prefill) {
                    nanos.add(System.nanoTime() - t);
                    words += set.size();
                }
            }
            nanos.sort(null);
            System.out.printf("%s prefill %d, %d filings, %.1f words each: median %.3f ms, p90 %.3f ms, mean %.3f ms%n",
                    pg ? "postgresql" : "h2", prefill, filings, (double) words / filings,
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6,
                    nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
        }
    }
}
