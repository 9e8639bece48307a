package fr.guichet.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A JDBC driver for tests that counts what the connections it opens send to the database: the statements executed
 * and the transactions ended (commits and rollbacks). It claims the URLs that hold {@link #MARK}, put ahead of every
 * other driver, and opens each through the driver that would have taken it.
 */
final class CountingDriver implements Driver {

    /** What a URL holds for its connections to be counted: an H2 database name or a PostgreSQL application name. */
    static final String MARK = "counted";
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");
    private static final CountingDriver INSTANCE = new CountingDriver();

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private List<Driver> others = List.of();

    private CountingDriver() {
    }

    /** The driver, registered ahead of the others on first use. */
    static synchronized CountingDriver installed() throws SQLException {
        if (INSTANCE.others.isEmpty()) {
            List<Driver> drivers = Collections.list(DriverManager.getDrivers());
            for (Driver d : drivers) {
                DriverManager.deregisterDriver(d);
            }
            DriverManager.registerDriver(INSTANCE);
            for (Driver d : drivers) {
                DriverManager.registerDriver(d);
            }
            INSTANCE.others = drivers;
        }
        return INSTANCE;
    }

    /** What has been sent so far, to subtract from what is sent later. */
    Sent sent() {
        return new Sent(statements.get(), transactions.get());
    }

    /** What was sent since the last call, in order: each statement's SQL and each commit or rollback; then forgets it. */
    List<String> drainLog() {
        List<String> sent = new ArrayList<>();
        for (String line = log.poll(); line != null; line = log.poll()) {
            sent.add(line);
        }
        return sent;
    }

    /** Statements executed and transactions ended. */
    record Sent(long statements, long transactions) {
        Sent since(Sent before) {
            return new Sent(statements - before.statements, transactions - before.transactions);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.contains(MARK);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        for (Driver d : others) {
            if (d.acceptsURL(url)) {
                return counted(Connection.class, d.connect(url, info));
            }
        }
        throw new SQLException("no driver for " + url);
    }

    private <T> T counted(Class<T> type, Object target) {
        return counted(type, target, "");
    }

    private <T> T counted(Class<T> type, Object target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (EXECUTIONS.contains(name)) {
                statements.incrementAndGet();
                log.add(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            } else if ((name.equals("commit") || name.equals("rollback")) && (args == null || args.length == 0)) {
                transactions.incrementAndGet();
                log.add(name.toUpperCase(Locale.ROOT));
            }
            Object result = invoke(method, target, args);
            if (STATEMENTS.contains(name)) {
                return counted(statementType(name), result,
                        args != null && args.length > 0 && args[0] instanceof String text ? text : "");
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Class<? extends Statement> statementType(String factory) {
        return switch (factory) {
            case "prepareStatement" -> PreparedStatement.class;
            case "prepareCall" -> CallableStatement.class;
            default -> Statement.class;
        };
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
