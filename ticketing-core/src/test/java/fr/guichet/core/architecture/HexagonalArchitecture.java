package fr.guichet.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hexagon's rules for one adapter module, to run from its own ArchUnit tests on its main classes: the adapter
 * depends on the core's main packages, the JDK and the technology it declares, never on another adapter nor on the
 * core's test code. Immutable; for example
 * {@code HexagonalArchitecture.adapter("fr.guichet.jdbc").usingTechnology("org.jdbi..", "javax.sql..").rule()}.
 * A rule fails when the adapter's package holds no class, so that a misspelt package cannot pass unnoticed.
 */
public final class HexagonalArchitecture {

    /** The packages of Guichet's adapter modules and of the examples that wire them. */
    public static final List<String> ADAPTERS = List.of("fr.guichet.jdbc", "fr.guichet.mail", "fr.guichet.http",
            "fr.guichet.ldap", "fr.guichet.examples");

    /** The core's packages an adapter may use: its model, its use cases and the ports it implements. */
    public static final List<String> CORE = List.of("fr.guichet.core.domain..", "fr.guichet.core.application..",
            "fr.guichet.core.port..");

    /** The core's test-jar packages, which main code never uses. */
    public static final List<String> CORE_TEST_CODE = List.of("fr.guichet.core.testing..",
            "fr.guichet.core.contract..", "fr.guichet.core.architecture..");

    private final String adapter;
    private final List<String> technology;
    private final List<String> adapters;
    private final boolean wiresAdapters;

    private HexagonalArchitecture(String adapter, List<String> technology, List<String> adapters,
            boolean wiresAdapters) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.technology = List.copyOf(technology);
        this.adapters = List.copyOf(adapters);
        this.wiresAdapters = wiresAdapters;
    }

    /** The rules for the adapter whose classes live in {@code adapterPackage} (e.g. {@code fr.guichet.jdbc}). */
    public static HexagonalArchitecture adapter(String adapterPackage) {
        return new HexagonalArchitecture(checked(adapterPackage), List.of(), ADAPTERS, false);
    }

    /**
     * The rules for a program that wires adapters together (the examples): it may use the core's main packages, every
     * adapter and its own technology, never the core's test code.
     */
    public static HexagonalArchitecture wiring(String programPackage) {
        return new HexagonalArchitecture(checked(programPackage), List.of(), ADAPTERS, true);
    }

    private static String checked(String pkg) {
        if (pkg == null || pkg.isBlank() || pkg.endsWith(".")) {
            throw new IllegalArgumentException("a package such as fr.guichet.jdbc, not " + pkg);
        }
        return pkg;
    }

    /** Also allows the given ArchUnit package identifiers (e.g. {@code org.jdbi..}): the adapter's own technology. */
    public HexagonalArchitecture usingTechnology(String... packageIdentifiers) {
        List<String> more = new ArrayList<>(technology);
        more.addAll(List.of(packageIdentifiers));
        return new HexagonalArchitecture(adapter, more, adapters, wiresAdapters);
    }

    /**
     * Replaces the list of adapter packages (the default is {@link #ADAPTERS}): those an adapter must keep away from,
     * or those a {@link #wiring} program may use.
     */
    public HexagonalArchitecture amongAdapters(String... adapterPackages) {
        return new HexagonalArchitecture(adapter, technology, List.of(adapterPackages), wiresAdapters);
    }

    /** The adapter's classes depend only on themselves, the core's main packages, {@code java..} and its technology. */
    public ArchRule dependsOnlyOnTheCoreAndItsTechnology() {
        List<String> allowed = new ArrayList<>();
        allowed.add(adapter + "..");
        allowed.addAll(CORE);
        allowed.add("java..");
        allowed.addAll(technology);
        if (wiresAdapters) {
            adapters.forEach(a -> allowed.add(a + ".."));
        }
        return classes().that().resideInAPackage(adapter + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .as("classes of " + adapter + " depend only on the core, the JDK and " + technology)
                .because("an adapter knows the core and its own technology, nothing else");
    }

    /** No class of the adapter depends on another adapter's package. */
    public ArchRule dependsOnNoOtherAdapter() {
        String[] others = adapters.stream().filter(a -> !a.equals(adapter) && !adapter.startsWith(a + "."))
                .map(a -> a + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as("classes of " + adapter + " depend on no other adapter")
                .because("adapters are picked by installing their modules; only the examples wire several together");
    }

    /** No class of the adapter depends on the core's test-jar. */
    public ArchRule usesNoCoreTestCode() {
        return noClasses().that().resideInAPackage(adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE_TEST_CODE.toArray(String[]::new))
                .as("classes of " + adapter + " use none of the core's test code")
                .because("the test-jar is for tests; main code that needs it would not run in production");
    }

    /** The rules above as one (for a {@link #wiring} program, all but {@link #dependsOnNoOtherAdapter()}). */
    public ArchRule rule() {
        CompositeArchRule rule = CompositeArchRule.of(dependsOnlyOnTheCoreAndItsTechnology())
                .and(usesNoCoreTestCode());
        return wiresAdapters ? rule : rule.and(dependsOnNoOtherAdapter());
    }

    /** Checks the {@link #rule()} against {@code classes}, failing with every violation listed. */
    public void check(JavaClasses classes) {
        rule().check(classes);
    }
}
