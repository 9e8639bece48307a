package fr.guichet.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.guichet.core.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/** The examples wire the adapters together on the core's main packages, Guice, Javalin, JDBC and the JDK only. */
class ExamplesArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.guichet.examples");

    @Test
    void the_examples_wire_adapters_and_use_none_of_the_cores_test_code() {
        HexagonalArchitecture.wiring("fr.guichet.examples").usingTechnology("com.google.inject..", "io.javalin..",
                "org.eclipse.jetty..", "org.slf4j..", "javax.sql..").check(MAIN);
    }
}
