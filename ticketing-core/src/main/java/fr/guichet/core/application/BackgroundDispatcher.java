package fr.guichet.core.application;

import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.NotificationOutbox.ClaimScope;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DispatchNotifications} on a bounded number of daemon sender threads until closed. Each sender claims
 * its own batches, so the senders of a node share the outbox as the nodes do. With two senders or more, the first
 * claims only mail that is not bulk ({@link ClaimScope#NOT_BULK}: answers, status changes, password links), so that
 * such mail waits for at most one batch of its own kind, never behind the batches of bulk mail (acknowledgements,
 * notices to a group) the other senders are sending; they take both kinds, mail that is not bulk first. Every sender
 * runs at once whenever a
 * unit of work that queued notifications commits (on this node, and on other nodes where the outbox can tell), and
 * otherwise every interval, the safety net for other nodes' notifications and for retries; a sender that finds
 * nothing due goes back to waiting. Wakes that come while a sender's run is under way make one more run of it, never
 * one per wake. Close waits for the runs under way.
 */
public final class BackgroundDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundDispatcher.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final DispatchNotifications dispatch;
    private final Duration interval;
    private final List<Sender> senders = new ArrayList<>();
    private final NotificationOutbox.Subscription subscription;
    private volatile boolean closed;

    private BackgroundDispatcher(DispatchNotifications dispatch, Duration interval, int senders) {
        this.dispatch = dispatch;
        this.interval = interval;
        for (int i = 1; i <= senders; i++) {
            ClaimScope scope = i == 1 && senders > 1 ? ClaimScope.NOT_BULK : ClaimScope.ALL;
            this.senders.add(new Sender("guichet-notification-dispatcher-" + i, scope));
        }
        this.subscription = dispatch.whenEnqueued(this::wake);
    }

    /** A dispatcher with one sender. */
    public static BackgroundDispatcher start(DispatchNotifications dispatch, Duration interval) {
        return start(dispatch, interval, 1);
    }

    /**
     * A dispatcher with {@code senders} sender threads, each claiming its own batches; with two or more, the first
     * only for mail that is not bulk.
     */
    public static BackgroundDispatcher start(DispatchNotifications dispatch, Duration interval, int senders) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval <= 0");
        }
        if (senders < 1) {
            throw new IllegalArgumentException("senders < 1");
        }
        BackgroundDispatcher dispatcher = new BackgroundDispatcher(dispatch, interval, senders);
        dispatcher.senders.forEach(s -> s.thread.start());
        return dispatcher;
    }

    /** Makes every sender run as soon as it can, without waiting for its interval; returns at once. */
    public void wake() {
        senders.forEach(s -> s.wakes.release());
    }

    @Override
    public void close() {
        subscription.close();
        closed = true;
        wake();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Sender s : senders) {
                s.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.stream().filter(s -> s.thread.isAlive()).forEach(s -> s.thread.interrupt());
    }

    /** One sender thread and the wakes waiting for it. */
    private final class Sender {
        private final Semaphore wakes = new Semaphore(0);
        private final Thread thread;
        private final ClaimScope scope;

        private Sender(String name, ClaimScope scope) {
            this.scope = scope;
            this.thread = new Thread(this::run, name);
            this.thread.setDaemon(true);
        }

        private void run() {
            while (!closed) {
                wakes.drainPermits();
                try {
                    dispatch.dispatchDue(scope);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "notification dispatch failed; next try in " + interval, e);
                }
                try {
                    wakes.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
