package fr.guichet.core.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class HexagonalArchitectureTest {

    private static final String SAMPLES = "fr.guichet.core.architecture.samples";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SAMPLES);

    private static HexagonalArchitecture adapter(String name) {
        return HexagonalArchitecture.adapter(SAMPLES + "." + name).usingTechnology("java.util.concurrent..")
                .amongAdapters(SAMPLES + ".clean", SAMPLES + ".leaky", SAMPLES + ".cheating", SAMPLES + ".greedy",
                        SAMPLES + ".other");
    }

    @Test
    void an_adapter_on_the_core_the_jdk_and_its_technology_passes() {
        adapter("clean").check(CLASSES);
    }

    @Test
    void an_adapter_using_an_undeclared_library_fails() {
        AssertionError e = assertThrows(AssertionError.class, () -> adapter("leaky").check(CLASSES));
        assertTrue(e.getMessage().contains("org.quicktheories"), e.getMessage());
    }

    @Test
    void an_adapter_using_the_cores_test_code_fails() {
        AssertionError e = assertThrows(AssertionError.class, () -> adapter("cheating").check(CLASSES));
        assertTrue(e.getMessage().contains("use none of the core's test code"), e.getMessage());
    }

    @Test
    void an_adapter_using_another_adapter_fails_even_when_it_declares_it_as_technology() {
        AssertionError e = assertThrows(AssertionError.class, () -> adapter("greedy")
                .usingTechnology(SAMPLES + ".other..").check(CLASSES));
        assertTrue(e.getMessage().contains("depend on no other adapter"), e.getMessage());
    }

    @Test
    void a_program_wiring_adapters_still_may_not_use_the_cores_test_code() {
        HexagonalArchitecture.wiring(SAMPLES + ".clean").amongAdapters(SAMPLES + ".other")
                .usingTechnology("java.util.concurrent..").check(CLASSES);
        AssertionError e = assertThrows(AssertionError.class, () -> HexagonalArchitecture.wiring(SAMPLES + ".cheating")
                .amongAdapters(SAMPLES + ".other").check(CLASSES));
        assertTrue(e.getMessage().contains("use none of the core's test code"), e.getMessage());
    }

    @Test
    void a_misspelt_adapter_package_fails_rather_than_passing_empty() {
        assertThrows(AssertionError.class, () -> adapter("missing").check(CLASSES));
    }
}
