package fr.guichet.mail;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/**
 * The self-signed certificate GreenMail's SMTPS and IMAPS serve in this test JVM, made by {@code keytool} for
 * {@code 127.0.0.1} (GreenMail's own names no host, so a client checking the server's identity would refuse it even
 * trusted), and a trust store holding it alone.
 */
final class ServerCertificate {

    private static final String PASSWORD = "changeit";
    private static final Path FOLDER = folder();
    private static final Path KEY_STORE = FOLDER.resolve("greenmail-127.0.0.1.p12");

    static {
        keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, KEY_STORE.toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, PASSWORD);
    }

    private ServerCertificate() {
    }

    /** Makes GreenMail serve this certificate: to be called before any GreenMail SMTPS or IMAPS server starts. */
    static void install() {
    }

    /** A PKCS12 trust store holding the certificate GreenMail serves, protected by {@code password}. */
    static TrustStore trustStore(String password) {
        try {
            KeyStore served = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
            Certificate certificate = served.getCertificate("greenmail");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("mail-server", certificate);
            Path file = Files.createTempFile(FOLDER, "trust", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                trusted.store(out, password.toCharArray());
            }
            return new TrustStore(file, password, "pkcs12");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether GreenMail serves the certificate made here (and not the one it ships), made before it first served. */
    static boolean servedByGreenMail() {
        try {
            KeyStore served = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
            KeyStore made = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(KEY_STORE)) {
                made.load(in, PASSWORD.toCharArray());
            }
            return made.getCertificate("greenmail").equals(served.getCertificate("greenmail"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("guichet-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
