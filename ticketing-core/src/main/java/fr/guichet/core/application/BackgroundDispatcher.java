package fr.guichet.core.application;

import fr.guichet.core.port.NotificationOutbox;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DispatchNotifications} on one daemon thread until closed: at once whenever a unit of work that queued
 * notifications commits (on this node, and on other nodes where the outbox can tell), and otherwise every interval,
 * the safety net for other nodes' notifications and for retries. Wakes that come while a run is under way make one
 * more run, never one per wake. Close waits for the run under way.
 */
public final class BackgroundDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundDispatcher.class.getName());

    private final DispatchNotifications dispatch;
    private final Duration interval;
    private final Semaphore wakes = new Semaphore(0);
    private final Thread thread;
    private final NotificationOutbox.Subscription subscription;
    private volatile boolean closed;

    private BackgroundDispatcher(DispatchNotifications dispatch, Duration interval) {
        this.dispatch = dispatch;
        this.interval = interval;
        this.thread = new Thread(this::run, "guichet-notification-dispatcher");
        this.thread.setDaemon(true);
        this.subscription = dispatch.whenEnqueued(this::wake);
    }

    public static BackgroundDispatcher start(DispatchNotifications dispatch, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval <= 0");
        }
        BackgroundDispatcher dispatcher = new BackgroundDispatcher(dispatch, interval);
        dispatcher.thread.start();
        return dispatcher;
    }

    /** Makes the dispatcher run as soon as it can, without waiting for its interval; returns at once. */
    public void wake() {
        wakes.release();
    }

    private void run() {
        while (!closed) {
            wakes.drainPermits();
            try {
                dispatch.dispatchDue();
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

    @Override
    public void close() {
        subscription.close();
        closed = true;
        wakes.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (thread.isAlive()) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
