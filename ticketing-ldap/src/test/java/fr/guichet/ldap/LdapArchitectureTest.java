package fr.guichet.ldap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.guichet.core.architecture.HexagonalArchitecture;

/** The LDAP adapter's main classes depend only on the core, UnboundID, Guice and the JDK; its surface is small. */
@AnalyzeClasses(packages = "fr.guichet.ldap", importOptions = ImportOption.DoNotIncludeTests.class)
class LdapArchitectureTest {

    @ArchTest
    static final ArchRule only_the_core_unboundid_guice_and_the_jdk = HexagonalArchitecture.adapter("fr.guichet.ldap")
            .usingTechnology("com.unboundid..", "com.google.inject..", "javax.net..").rule();

    @ArchTest
    static final ArchRule public_surface_is_the_module_the_configuration_and_the_directory = classes()
            .that().resideInAPackage("fr.guichet.ldap..").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleName("LdapModule").orShould().haveSimpleName("LdapConfig")
            .orShould().haveSimpleName("LdapDirectory");
}
