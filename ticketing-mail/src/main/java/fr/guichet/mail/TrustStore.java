package fr.guichet.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A trust store file (PKCS12 or JKS) holding the certificates a mail server's TLS certificate is checked against,
 * instead of the JVM's default ones; the server's host name is still checked. Immutable; {@code password} may be
 * null (a store without integrity check).
 */
public record TrustStore(Path path, String password, String type) {

    public TrustStore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        type = type.isBlank() ? KeyStore.getDefaultType() : type.strip().toUpperCase(Locale.ROOT);
    }

    /** The trust store at {@code path}, of the JVM's default type (PKCS12). */
    public static TrustStore of(Path path, String password) {
        return new TrustStore(path, password, KeyStore.getDefaultType());
    }

    /**
     * A socket factory trusting only this store's certificates; throws {@link IllegalArgumentException} naming the
     * file when it cannot be read, so that a server with a wrong setting stops at start-up.
     */
    SSLSocketFactory socketFactory() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the trust store " + path + " (" + type + ") cannot be read: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TrustStore[" + path + ", " + type + "]";
    }
}
