package fr.guichet.core.domain.session;

import java.time.Instant;
import java.util.Objects;

/** The failed sign-ins counted against one key since its count last started afresh, and when the last one was. */
public record FailureCount(int failures, Instant lastFailureAt) {

    public FailureCount {
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        if (failures < 1) {
            throw new IllegalArgumentException("a failure count starts at one");
        }
    }
}
