package fr.guichet.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.guichet.http");

    @Test
    void the_facade_depends_only_on_the_core_javalin_jetty_jackson_guice_slf4j_and_the_jdk() {
        classes().that().resideInAPackage("fr.guichet.http..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("fr.guichet.http..", "fr.guichet.core..", "io.javalin..", "org.eclipse.jetty..",
                        "jakarta.servlet..", "com.fasterxml.jackson..", "com.google.inject..", "jakarta.inject..",
                        "org.slf4j..", "java..")
                .check(MAIN);
    }

    @Test
    void the_facade_never_reaches_another_adapter() {
        noClasses().that().resideInAPackage("fr.guichet.http..").should().dependOnClassesThat()
                .resideInAnyPackage("fr.guichet.jdbc..", "fr.guichet.mail..", "fr.guichet.ldap..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void only_the_api_its_configuration_readiness_and_module_are_public() {
        classes().that().resideInAPackage("fr.guichet.http").and().areTopLevelClasses()
                .and().haveModifier(JavaModifier.PUBLIC).should()
                .haveSimpleNameEndingWith("GuichetHttpApi").orShould().haveSimpleName("HttpConfig")
                .orShould().haveSimpleName("HttpModule").orShould().haveSimpleName("ReadinessCheck").check(MAIN);
    }
}
