package fr.guichet.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "fr.guichet.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule the_core_depends_only_on_the_jdk_and_commons_validator = classes()
            .that().resideInAPackage("fr.guichet.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("fr.guichet.core..", "java..", "org.apache.commons.validator..");

    @ArchTest
    static final ArchRule the_core_never_uses_jdbc = noClasses()
            .that().resideInAPackage("fr.guichet.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule the_core_logs_with_system_logger_only = noClasses()
            .that().resideInAPackage("fr.guichet.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..");

    @ArchTest
    static final ArchRule the_core_main_code_uses_none_of_its_test_code = noClasses()
            .that().resideInAPackage("fr.guichet.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    HexagonalArchitecture.CORE_TEST_CODE.toArray(String[]::new));

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("fr.guichet.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domain_packages_are_free_of_cycles = slices()
            .matching("fr.guichet.core.domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_domain_depends_on_neither_use_cases_nor_ports = noClasses()
            .that().resideInAPackage("fr.guichet.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.guichet.core.application..",
                    "fr.guichet.core.port..");

    @ArchTest
    static final ArchRule ports_do_not_depend_on_use_cases = noClasses()
            .that().resideInAPackage("fr.guichet.core.port..")
            .should().dependOnClassesThat().resideInAPackage("fr.guichet.core.application..");

    @ArchTest
    static final ArchRule the_core_depends_on_no_adapter = noClasses()
            .that().resideInAPackage("fr.guichet.core..")
            .should().dependOnClassesThat().resideInAnyPackage(HexagonalArchitecture.ADAPTERS.stream()
                    .map(a -> a + "..").toArray(String[]::new));
}
