package fr.guichet.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.guichet.core.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The JDBC adapter stays an adapter: the core, Jdbi, HikariCP, Flyway, Jackson (catalogs), Guice, the JDK, and
 * PostgreSQL's driver for its LISTEN/NOTIFY (OutboxSignals) only.
 */
class JdbcArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.guichet.jdbc");

    @Test
    void main_classes_depend_on_the_core_and_the_adapters_technology_only() {
        HexagonalArchitecture.adapter("fr.guichet.jdbc").usingTechnology("org.jdbi..", "com.zaxxer.hikari..",
                "org.flywaydb..", "javax.sql..", "javax.crypto..", "com.fasterxml.jackson..", "com.google.inject..",
                "com.google.common..", "org.postgresql..").check(MAIN);
    }

    @Test
    void only_the_outbox_signals_speak_to_the_postgresql_driver() {
        classes().that().resideInAPackage("fr.guichet.jdbc").and().doNotHaveSimpleName("OutboxSignals")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.postgresql..").check(MAIN);
    }

    @Test
    void only_the_module_the_configuration_and_the_catalog_file_are_public() {
        classes().that().resideInAPackage("fr.guichet.jdbc").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("JdbcModule").and().doNotHaveSimpleName("JdbcConfig")
                .and().doNotHaveSimpleName("CatalogFile")
                .should().notHaveModifier(JavaModifier.PUBLIC).check(MAIN);
    }
}
