package fr.guichet.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.guichet.core.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.guichet.http");

    @Test
    void the_facade_is_an_adapter_of_the_core_on_javalin_jetty_jackson_guice_and_slf4j() {
        HexagonalArchitecture.adapter("fr.guichet.http").usingTechnology("io.javalin..", "org.eclipse.jetty..",
                "jakarta.servlet..", "com.fasterxml.jackson..", "com.google.inject..", "jakarta.inject..",
                "org.slf4j..").check(MAIN);
    }

    @Test
    void only_the_api_its_configuration_readiness_and_module_are_public() {
        classes().that().resideInAPackage("fr.guichet.http").and().areTopLevelClasses()
                .and().haveModifier(JavaModifier.PUBLIC).should()
                .haveSimpleNameEndingWith("GuichetHttpApi").orShould().haveSimpleName("HttpConfig")
                .orShould().haveSimpleName("HttpModule").orShould().haveSimpleName("ReadinessCheck").check(MAIN);
    }
}
