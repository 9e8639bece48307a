package fr.guichet.core.domain.admin;

import java.util.Objects;

/**
 * What an administrative change was made to: its kind ({@code person}, {@code group}, {@code subject},
 * {@code request-type}, {@code settings}), its key (identifier or code) and its label at the time, for people to read.
 */
public record AuditTarget(String kind, String key, String label) {

    public AuditTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }
}
