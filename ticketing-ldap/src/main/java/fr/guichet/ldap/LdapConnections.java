package fr.guichet.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import fr.guichet.core.domain.TicketingException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * The connections to the directory: a pool of connections bound as the service account for searches, and a fresh
 * connection for each password check, never taken from the pool; a directory that does not answer becomes an
 * UNAVAILABLE {@link TicketingException}. Thread-safe; nothing connects before the first operation.
 */
final class LdapConnections implements AutoCloseable {

    /** Bind results that refuse these credentials on a healthy directory; any other failure means unavailable. */
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.UNWILLING_TO_PERFORM,
            ResultCode.INSUFFICIENT_ACCESS_RIGHTS, ResultCode.CONSTRAINT_VIOLATION, ResultCode.INVALID_DN_SYNTAX,
            ResultCode.NO_SUCH_OBJECT);

    private final LDAPConnectionPool pool;
    private final ServerSet unbound;

    LdapConnections(LdapConfig.Server config) {
        LDAPConnectionOptions options = options(config);
        SocketFactory sockets = null;
        PostConnectProcessor startTls = null;
        if (config.ldaps() || config.startTls()) {
            SSLContext context = sslContext(config.trust());
            if (config.ldaps()) {
                sockets = context.getSocketFactory();
            } else {
                startTls = new StartTLSPostConnectProcessor(context);
            }
        }
        BindRequest service = new SimpleBindRequest(config.bindDn(), config.bindPassword());
        this.unbound = serverSet(config.parsedUrls(), sockets, options, null, startTls);
        try {
            this.pool = new LDAPConnectionPool(serverSet(config.parsedUrls(), sockets, options, service, startTls),
                    service, 0, config.maxConnections(), null);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot set up the LDAP connection pool", e);
        }
        pool.setConnectionPoolName("guichet-ldap");
        pool.setMaxWaitTimeMillis(config.responseTimeout().toMillis());
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
    }

    /**
     * The entries matching {@code filter} under {@code baseDn} with the given attributes, at most {@code sizeLimit}
     * (0: the server's limit) — when more match, the first {@code sizeLimit} of them; none when a base-scoped search
     * names an entry that does not exist.
     */
    List<SearchResultEntry> search(String baseDn, SearchScope scope, Filter filter, int sizeLimit,
            String... attributes) {
        SearchRequest request = new SearchRequest(baseDn, scope, filter, attributes);
        request.setSizeLimit(sizeLimit);
        try {
            return pool.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && sizeLimit > 0) {
                return e.getSearchEntries();
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT && scope == SearchScope.BASE) {
                return List.of();
            }
            throw TicketingException.unavailable(e);
        }
    }

    /**
     * Whether {@code password} authenticates {@code dn}, checked by a simple bind on a new connection closed right
     * after; an empty password is refused without asking the directory (it would be an unauthenticated bind).
     */
    boolean authenticates(String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try (LDAPConnection connection = unbound.getConnection()) {
            connection.bind(new SimpleBindRequest(dn, password));
            return true;
        } catch (LDAPException e) {
            if (REFUSALS.contains(e.getResultCode())) {
                return false;
            }
            throw TicketingException.unavailable(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static LDAPConnectionOptions options(LdapConfig.Server config) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(config.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(config.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        options.setBindWithDNRequiresPassword(true);
        options.setAutoReconnect(false);
        if (!config.trust().trustAll()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        return options;
    }

    private static SSLContext sslContext(LdapConfig.Trust trust) {
        SSLUtil ssl;
        if (trust.trustAll()) {
            ssl = new SSLUtil(new TrustAllTrustManager());
        } else if (trust.trustStore() != null) {
            char[] password = trust.trustStorePassword() == null ? null : trust.trustStorePassword().toCharArray();
            ssl = new SSLUtil(new TrustStoreTrustManager(trust.trustStore().toFile(), password,
                    trust.trustStoreType(), true));
        } else {
            ssl = new SSLUtil();
        }
        try {
            return ssl.createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for LDAP", e);
        }
    }

    private static ServerSet serverSet(List<LDAPURL> urls, SocketFactory sockets, LDAPConnectionOptions options,
            BindRequest bind, PostConnectProcessor postConnect) {
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        if (hosts.length == 1) {
            return new SingleServerSet(hosts[0], ports[0], sockets, options, bind, postConnect);
        }
        return new FailoverServerSet(hosts, ports, sockets, options, bind, postConnect);
    }
}
