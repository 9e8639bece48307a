package fr.guichet.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.guichet.core.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/** The mail adapter stays an adapter: it uses the core, Jakarta Mail, jsoup, Guice and the JDK, and shows little. */
class MailArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.guichet.mail");

    @Test
    void main_classes_depend_on_the_core_jakarta_mail_jsoup_guice_and_the_jdk_only() {
        HexagonalArchitecture.adapter("fr.guichet.mail")
                .usingTechnology("jakarta.mail..", "org.eclipse.angus.mail..", "javax.net.ssl..", "org.jsoup..",
                        "com.google.inject..", "com.google.common.html..", "com.google.common.escape..")
                .check(MAIN);
    }

    @Test
    void only_the_module_the_configurations_and_the_mailbox_poller_are_public() {
        classes().that().resideInAPackage("fr.guichet.mail").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("MailModule").and().doNotHaveSimpleName("MailConfig")
                .and().doNotHaveSimpleName("DispatchConfig").and().doNotHaveSimpleName("ImapConfig")
                .and().doNotHaveSimpleName("TrustStore").and().doNotHaveSimpleName("MailboxPoller")
                .should().notHaveModifier(JavaModifier.PUBLIC).check(MAIN);
    }
}
