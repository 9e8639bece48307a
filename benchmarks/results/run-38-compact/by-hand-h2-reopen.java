package fr.guichet.benchmarks;

import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PageRequest;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** By hand, run-38: the workbench's fast calls on an H2 database of 1M requests loaded before, reopened. */
final class ByHandReopen {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String name = args[1];
        int size = Integer.parseInt(args[2]);
        Constructor<Database> c = Database.class.getDeclaredConstructor(String.class, String.class, String.class,
                String.class, Path.class);
        c.setAccessible(true);
        Database db = c.newInstance("h2", "jdbc:h2:file:" + folder.resolve(name) + ";AUTO_SERVER=TRUE", "sa", name,
                folder);
        Stack stack = new Stack(db, 4);
        List<Person> staff = IntStream.range(0, 10).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName("A", "B" + i), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        ListQueue queue = stack.ticketing().listQueue();
        List<String> pairs = SupportVocabulary.WORD_PAIRS;
        List<String> names = SupportVocabulary.SEARCHED_NAMES;
        javax.sql.DataSource ds = stack.dataSource();
        java.util.function.Supplier<String> io = () -> {
            try (java.sql.Connection k = ds.getConnection(); java.sql.Statement st = k.createStatement();
                    java.sql.ResultSet r = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
                            + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_READ', "
                            + "'info.FILE_WRITE', 'info.CACHE_HIT_RATIO', 'info.CACHE_SIZE')")) {
                StringBuilder sb = new StringBuilder("      io:");
                while (r.next()) {
                    sb.append(' ').append(r.getString(1).substring(5)).append('=').append(r.getString(2));
                }
                return sb.toString();
            } catch (java.sql.SQLException e) {
                throw new RuntimeException(e);
            }
        };
        ByHandTails.probe = () -> System.out.println(io.get());
        for (int round = 0; round < Integer.parseInt(args[3]); round++) {
            int salt = round + 7;
            ByHandTails.measure(size + " number r" + round, i -> "n",
                    i -> queue.list(staff.get(i % 10), new QueueFilter(false, Set.of(), null, null, null,
                            String.valueOf(1 + Math.floorMod(i * 7919L + salt * 104729L, size)), null),
                            PageRequest.first()));
            ByHandTails.measure(size + " two words, queue r" + round, i -> (i % 10) + "/" + pairs.get(i % 4),
                    i -> queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null,
                            pairs.get(i % 4), null), PageRequest.first()));
            ByHandTails.measure(size + " name, queue r" + round, i -> (i % 10) + "/" + names.get(i % names.size()),
                    i -> queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null,
                            names.get(i % names.size()), null), PageRequest.first()));
        }
        System.exit(0);
    }
}
