package fr.guichet.core.application;

import fr.guichet.core.domain.request.Message;
import java.util.Objects;

/** A posted message and the request's version after it. */
public record MessagePosted(Message message, long version) {

    public MessagePosted {
        Objects.requireNonNull(message, "message");
    }
}
