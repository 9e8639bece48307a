package fr.guichet.jdbc;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.PersonRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People with their roles and group memberships, and support groups, in local tables. */
final class JdbiPersonRegistry implements PersonRegistry {

    private static final String PERSON_COLUMNS = "id, email, given_name, family_name, establishment, active";

    private final Database db;

    JdbiPersonRegistry(Database db) {
        this.db = db;
    }

    /** The static statements on people and groups. */
    interface PeopleSql {

        @SqlQuery("SELECT role FROM person_roles WHERE person_id = :id")
        Set<String> roles(@Bind("id") String person);

        @SqlQuery("SELECT group_code FROM person_groups WHERE person_id = :id")
        Set<String> groups(@Bind("id") String person);

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
        return db.inTransaction(h -> h.createQuery("SELECT " + PERSON_COLUMNS + " FROM people WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> person(h, rs))
                .findOne());
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return db.inTransaction(h -> h.createQuery("SELECT " + PERSON_COLUMNS + " FROM people WHERE active = TRUE "
                        + "AND id IN (SELECT person_id FROM person_groups WHERE group_code = :group)")
                .bind("group", group.value())
                .map((rs, ctx) -> person(h, rs))
                .list().stream().sorted(Comparator.comparing(p -> p.id().value())).toList());
    }

    private static Person person(Handle h, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String establishment = rs.getString("establishment");
        PeopleSql sql = h.attach(PeopleSql.class);
        return new Person(PersonId.of(id), EmailAddress.of(rs.getString("email")),
                new PersonName(rs.getString("given_name"), rs.getString("family_name")),
                establishment == null ? null : Uai.parse(establishment),
                sql.roles(id).stream().map(Role::valueOf).collect(Collectors.toSet()),
                sql.groups(id).stream().map(GroupCode::of).collect(Collectors.toSet()),
                rs.getBoolean("active"));
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return db.inTransaction(h -> h.createQuery("SELECT code, label FROM support_groups WHERE code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> new SupportGroup(GroupCode.of(rs.getString("code")), rs.getString("label")))
                .findOne());
    }

    @Override
    public List<SupportGroup> groups() {
        return db.inTransaction(h -> h.createQuery("SELECT code, label FROM support_groups")
                .map((rs, ctx) -> new SupportGroup(GroupCode.of(rs.getString("code")), rs.getString("label")))
                .list().stream().sorted(Comparator.comparing(g -> g.code().value())).toList());
    }

    @Override
    public void save(Person person) {
        String id = person.id().value();
        db.inTransaction(h -> {
            h.createUpdate(db.dialect().upsert("people", "id",
                            List.of("id", "email", "given_name", "family_name", "establishment", "active")))
                    .bind("id", id)
                    .bind("email", person.email().value())
                    .bind("given_name", person.name().given())
                    .bind("family_name", person.name().family())
                    .bind("establishment", person.establishmentCode().map(Uai::value).orElse(null))
                    .bind("active", person.active())
                    .execute();
            PeopleSql sql = h.attach(PeopleSql.class);
            sql.deleteRoles(id);
            sql.deleteGroups(id);
            person.roles().stream().map(Role::name).sorted().forEach(role -> sql.addRole(id, role));
            person.groups().stream().map(GroupCode::value).sorted().forEach(group -> sql.addGroup(id, group));
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
}
