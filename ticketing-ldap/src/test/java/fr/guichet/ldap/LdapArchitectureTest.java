package fr.guichet.ldap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The LDAP adapter's main classes depend only on the core, UnboundID, Guice and the JDK; its surface is small. */
@AnalyzeClasses(packages = "fr.guichet.ldap", importOptions = ImportOption.DoNotIncludeTests.class)
class LdapArchitectureTest {

    @ArchTest
    static final ArchRule only_the_core_unboundid_guice_and_the_jdk = classes()
            .that().resideInAPackage("fr.guichet.ldap..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("fr.guichet.ldap..", "fr.guichet.core.domain..",
                    "fr.guichet.core.application..", "fr.guichet.core.port..", "com.unboundid..",
                    "com.google.inject..", "java..", "javax.net..")
            .because("an adapter knows the core and its own technology, nothing else");

    @ArchTest
    static final ArchRule no_other_adapter_nor_core_test_code = noClasses()
            .that().resideInAPackage("fr.guichet.ldap..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.guichet.jdbc..", "fr.guichet.mail..",
                    "fr.guichet.http..", "fr.guichet.examples..", "fr.guichet.core.testing..",
                    "fr.guichet.core.contract..");

    @ArchTest
    static final ArchRule public_surface_is_the_module_the_configuration_and_the_directory = classes()
            .that().resideInAPackage("fr.guichet.ldap..").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("LdapModule").orShould().haveSimpleName("LdapConfig")
            .orShould().haveSimpleName("LdapDirectory");
}
