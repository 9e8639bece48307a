package fr.guichet.mail;

/**
 * Names Angus Mail's stream provider in the system property Jakarta Mail reads first, unless it is set already:
 * without it, Jakarta Mail 2.1 looks the provider up through {@link java.util.ServiceLoader} for every body part it
 * builds, writes or decodes (a quarter of the dispatcher's processor time in run-23-mail); with it, the same provider
 * is instantiated directly. Idempotent and thread-safe.
 */
final class StreamProviders {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private StreamProviders() {
    }

    static void pin() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, ANGUS);
            }
        }
    }
}
