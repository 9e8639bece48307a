package fr.guichet.jdbc;

import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.PersonSearch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People with their roles and group memberships, and support groups, in local tables. */
final class JdbiPersonRegistry implements PersonRegistry {

    /**
     * People with one row per (role, group) pair, null where they have none: the {@code people} alias {@code p} is
     * for the caller's conditions.
     */
    private static final String PEOPLE_WITH_ROLES_AND_GROUPS = "SELECT p.id, p.email, p.given_name, p.family_name, "
            + "p.establishment, p.active, r.role, g.group_code FROM people p "
            + "LEFT JOIN person_roles r ON r.person_id = p.id LEFT JOIN person_groups g ON g.person_id = p.id ";

    /** The columns of a person's notification preferences and their table, for the caller's conditions. */
    private static final String PREFERENCES = "person_id, new_in_groups, assigned_to_me, digest_hour "
            + "FROM notification_preferences";

    /** The longest normalised search text stored; longer ones are cut (the words past it are not found). */
    static final int SEARCH_TEXT_LENGTH = 1000;
    /** The longest normalised name stored to order lists by; longer ones are cut. */
    static final int NAME_KEY_LENGTH = 255;

    private final Database db;

    JdbiPersonRegistry(Database db) {
        this.db = db;
    }

    /** The static statements that write people's roles and groups. */
    interface PeopleSql {

        @SqlUpdate("DELETE FROM person_roles WHERE person_id = :id")
        void deleteRoles(@Bind("id") String person);

        @SqlUpdate("DELETE FROM person_groups WHERE person_id = :id")
        void deleteGroups(@Bind("id") String person);

        @SqlUpdate("INSERT INTO person_roles (person_id, role) VALUES (:id, :role)")
        void addRole(@Bind("id") String person, @Bind("role") String role);

        @SqlUpdate("INSERT INTO person_groups (person_id, group_code) VALUES (:id, :group)")
        void addGroup(@Bind("id") String person, @Bind("group") String group);
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return db.read(h -> people(h.createQuery(PEOPLE_WITH_ROLES_AND_GROUPS + "WHERE p.id = :id")
                .bind("id", id.value())).stream().findFirst());
    }

    @Override
    public Map<PersonId, Person> findAll(Collection<PersonId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read(h -> people(h.createQuery(PEOPLE_WITH_ROLES_AND_GROUPS + "WHERE p.id IN (<ids>)")
                .bindList("ids", ids.stream().map(PersonId::value).distinct().toList())).stream()
                .collect(Collectors.toMap(Person::id, p -> p)));
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return db.read(h -> people(h.createQuery(PEOPLE_WITH_ROLES_AND_GROUPS + "WHERE p.active = TRUE "
                        + "AND p.id IN (SELECT person_id FROM person_groups WHERE group_code = :group)")
                .bind("group", group.value())).stream().sorted(Comparator.comparing(p -> p.id().value())).toList());
    }

    /** The people read by {@code query} over {@link #PEOPLE_WITH_ROLES_AND_GROUPS}, in no particular order. */
    private static List<Person> people(Query query) {
        Map<String, PersonRows> byId = query.reduceResultSet(new LinkedHashMap<>(), (rows, rs, ctx) -> {
            String id = rs.getString("id");
            PersonRows person = rows.get(id);
            if (person == null) {
                person = new PersonRows(rs);
                rows.put(id, person);
            }
            person.add(rs.getString("role"), rs.getString("group_code"));
            return rows;
        });
        return byId.values().stream().map(PersonRows::person).toList();
    }

    /** One person's columns, with the roles and groups found on their rows so far. */
    private static final class PersonRows {
        private final PersonId id;
        private final EmailAddress email;
        private final PersonName name;
        private final Uai establishment;
        private final boolean active;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private final Set<GroupCode> groups = new HashSet<>();

        PersonRows(ResultSet rs) throws SQLException {
            String code = rs.getString("establishment");
            id = PersonId.of(rs.getString("id"));
            email = EmailAddress.of(rs.getString("email"));
            name = new PersonName(rs.getString("given_name"), rs.getString("family_name"));
            establishment = code == null ? null : Uai.parse(code);
            active = rs.getBoolean("active");
        }

        void add(String role, String group) {
            if (role != null) {
                roles.add(Role.valueOf(role));
            }
            if (group != null) {
                groups.add(GroupCode.of(group));
            }
        }

        Person person() {
            return new Person(id, email, name, establishment, roles, groups, active);
        }
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return db.read(h -> h.createQuery("SELECT code, label FROM support_groups WHERE code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> new SupportGroup(GroupCode.of(rs.getString("code")), rs.getString("label")))
                .findOne());
    }

    @Override
    public List<SupportGroup> groups() {
        return db.read(h -> h.createQuery("SELECT code, label FROM support_groups")
                .map((rs, ctx) -> new SupportGroup(GroupCode.of(rs.getString("code")), rs.getString("label")))
                .list().stream().sorted(Comparator.comparing(g -> g.code().value())).toList());
    }

    @Override
    public void save(Person person) {
        String id = person.id().value();
        db.inTransaction(h -> {
            h.createUpdate(db.dialect().upsert("people", "id",
                            List.of("id", "email", "given_name", "family_name", "establishment", "active",
                                    "search_text", "family_key", "given_key")))
                    .bind("id", id)
                    .bind("email", person.email().value())
                    .bind("given_name", person.name().given())
                    .bind("family_name", person.name().family())
                    .bind("establishment", person.establishmentCode().map(Uai::value).orElse(null))
                    .bind("active", person.active())
                    .bind("search_text", cut(PersonSearch.text(person), SEARCH_TEXT_LENGTH))
                    .bind("family_key", cut(PersonSearch.familyKey(person), NAME_KEY_LENGTH))
                    .bind("given_key", cut(PersonSearch.givenKey(person), NAME_KEY_LENGTH))
                    .execute();
            PeopleSql sql = h.attach(PeopleSql.class);
            sql.deleteRoles(id);
            sql.deleteGroups(id);
            person.roles().stream().map(Role::name).sorted().forEach(role -> sql.addRole(id, role));
            person.groups().stream().map(GroupCode::value).sorted().forEach(group -> sql.addGroup(id, group));
            if (person.active()) {
                h.createUpdate("UPDATE people SET inactive_since = NULL WHERE id = :id").bind("id", id).execute();
            }
            return null;
        });
    }

    @Override
    public int noteInactive(Instant now) {
        return db.inTransaction(h -> h.createUpdate("UPDATE people SET inactive_since = :now "
                + "WHERE active = FALSE AND inactive_since IS NULL").bind("now", now).execute());
    }

    @Override
    public List<PersonId> inactiveBefore(Instant before, PersonId after, int limit) {
        return db.inTransaction(h -> h.createQuery("SELECT id FROM people WHERE active = FALSE "
                        + "AND inactive_since < :before AND id NOT LIKE :placeholders<after> ORDER BY id LIMIT :limit")
                .define("after", after == null ? "" : " AND id > :after")
                .bind("before", before).bind("placeholders", Anonymised.REQUESTER.id().value() + "%")
                .bind("after", after == null ? null : after.value()).bind("limit", limit)
                .map((rs, ctx) -> PersonId.of(rs.getString("id"))).list());
    }

    @Override
    public void forget(PersonId person, Person placeholder) {
        db.inTransaction(h -> {
            if (find(person).isEmpty()) {
                return null;
            }
            h.createUpdate("DELETE FROM local_accounts WHERE person_id = :id").bind("id", person.value()).execute();
            h.createUpdate("DELETE FROM notification_preferences WHERE person_id = :id").bind("id", person.value())
                    .execute();
            PeopleSql sql = h.attach(PeopleSql.class);
            sql.deleteRoles(person.value());
            sql.deleteGroups(person.value());
            h.createUpdate("DELETE FROM people WHERE id = :id").bind("id", person.value()).execute();
            save(placeholder);
            return null;
        });
    }

    @Override
    public void saveGroup(SupportGroup group) {
        db.inTransaction(h -> h.createUpdate(db.dialect().upsert("support_groups", "code", List.of("code", "label")))
                .bind("code", group.code().value())
                .bind("label", group.label())
                .execute());
    }

    @Override
    public Page<Person> search(String words, PageRequest page) {
        List<String> wanted = SearchText.words(words);
        StringBuilder where = new StringBuilder(" FROM people WHERE 1 = 1");
        for (int i = 0; i < wanted.size(); i++) {
            where.append(" AND search_text LIKE :w").append(i);
        }
        return db.inTransaction(h -> {
            Query count = h.createQuery("SELECT COUNT(*)" + where);
            Query ids = h.createQuery("SELECT id" + where
                    + " ORDER BY family_key, given_key, id LIMIT :limit OFFSET :offset");
            for (int i = 0; i < wanted.size(); i++) {
                count.bind("w" + i, "%" + wanted.get(i) + "%");
                ids.bind("w" + i, "%" + wanted.get(i) + "%");
            }
            long total = count.mapTo(Long.class).one();
            List<String> order = ids.bind("limit", page.size()).bind("offset", page.offset()).mapTo(String.class)
                    .list();
            if (order.isEmpty()) {
                return new Page<Person>(List.of(), page.page(), page.size(), total);
            }
            Map<String, Person> byId = new HashMap<>();
            people(h.createQuery(PEOPLE_WITH_ROLES_AND_GROUPS + "WHERE p.id IN (<ids>)").bindList("ids", order))
                    .forEach(p -> byId.put(p.id().value(), p));
            return new Page<>(order.stream().map(byId::get).toList(), page.page(), page.size(), total);
        });
    }

    /** {@code text} cut to {@code length} characters (never inside a surrogate pair). */
    static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    @Override
    public Map<PersonId, NotificationPreferences> preferences(Collection<PersonId> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(h -> chosen(h.createQuery("SELECT " + PREFERENCES + " WHERE person_id IN (<ids>)")
                .bindList("ids", people.stream().map(PersonId::value).distinct().toList())));
    }

    @Override
    public Map<PersonId, NotificationPreferences> allPreferences() {
        return db.inTransaction(h -> chosen(h.createQuery("SELECT " + PREFERENCES)));
    }

    @Override
    public void savePreferences(PersonId person, NotificationPreferences preferences) {
        db.inTransaction(h -> h.createUpdate(db.dialect().upsert("notification_preferences", "person_id",
                        List.of("person_id", "new_in_groups", "assigned_to_me", "digest_hour")))
                .bind("person_id", person.value())
                .bind("new_in_groups", preferences.newInGroups().name())
                .bind("assigned_to_me", preferences.assignedToMe().name())
                .bind("digest_hour", preferences.digestHour())
                .execute());
    }

    /** The preferences {@code query} reads from {@link #PREFERENCES}, by person. */
    private static Map<PersonId, NotificationPreferences> chosen(Query query) {
        return query.reduceRows(new HashMap<PersonId, NotificationPreferences>(), (found, row) -> {
            found.put(PersonId.of(row.getColumn("person_id", String.class)), new NotificationPreferences(
                    Delivery.valueOf(row.getColumn("new_in_groups", String.class)),
                    Delivery.valueOf(row.getColumn("assigned_to_me", String.class)),
                    row.getColumn("digest_hour", Integer.class)));
            return found;
        });
    }
}
