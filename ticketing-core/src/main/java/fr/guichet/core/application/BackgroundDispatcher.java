package fr.guichet.core.application;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs {@link DispatchNotifications} every interval on one daemon thread until closed; close waits for the run. */
public final class BackgroundDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundDispatcher.class.getName());

    private final ScheduledExecutorService executor;

    private BackgroundDispatcher(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static BackgroundDispatcher start(DispatchNotifications dispatch, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guichet-notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                dispatch.dispatchDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notification dispatch failed; next try in " + interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new BackgroundDispatcher(executor);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
