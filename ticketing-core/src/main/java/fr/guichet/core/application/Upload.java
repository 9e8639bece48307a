package fr.guichet.core.application;

import java.io.InputStream;
import java.util.Objects;

/** A file sent with a request: the name the client gave (sanitised on storage) and its content, read once. */
public record Upload(String name, InputStream content) {

    public Upload {
        Objects.requireNonNull(content, "content");
    }
}
