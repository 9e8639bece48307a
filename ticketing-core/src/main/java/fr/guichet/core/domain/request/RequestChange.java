package fr.guichet.core.domain.request;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one move on a request: the request after it (version + 1) and what the move appended, so that storage
 * writes only the new messages and history entries, never rewriting old ones.
 */
public record RequestChange(Request before, Request after, List<Message> newMessages,
        List<HistoryEntry> newHistory, List<RequestEvent> events) {

    public RequestChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        newMessages = List.copyOf(newMessages);
        newHistory = List.copyOf(newHistory);
        events = List.copyOf(events);
    }

    /** The version storage must still hold for this change to apply. */
    public long expectedVersion() {
        return before.version();
    }
}
