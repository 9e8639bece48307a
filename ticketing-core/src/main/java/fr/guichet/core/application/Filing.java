package fr.guichet.core.application;

import java.util.Objects;

/** The outcome of filing: the request, and whether it had already been filed under the same idempotency key. */
public record Filing(RequestDetails details, boolean alreadyFiled) {

    public Filing {
        Objects.requireNonNull(details, "details");
    }
}
