package fr.guichet.core.domain.admin;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an administered thing (a person, a group, a subject, the settings) looks like at one moment, as named fields
 * with text values, in name order: the "before" and "after" of an audit entry, and through its {@link #fingerprint()}
 * the revision an administrator's {@code If-Match} names. Immutable.
 */
public record Snapshot(Map<String, String> fields) {

    /** The snapshot of something that does not exist (before a creation). */
    public static final Snapshot NONE = new Snapshot(Map.of());

    public Snapshot {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** This snapshot with one more field; a null value is left out, a collection is joined, sorted, by ", ". */
    public Snapshot with(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            return this;
        }
        TreeMap<String, String> next = new TreeMap<>(fields);
        next.put(name, value instanceof Collection<?> values
                ? String.join(", ", values.stream().map(String::valueOf).sorted().toList())
                : String.valueOf(value));
        return new Snapshot(next);
    }

    public boolean isNone() {
        return fields.isEmpty();
    }

    /**
     * A short digest of the fields (16 hexadecimal digits of SHA-256): equal snapshots have equal fingerprints, and
     * any change of a field changes it, so it serves as an entity tag without a version column.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            fields.forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Refuses with STALE when {@code expected} (an If-Match, null when none was given) is not this fingerprint. */
    public void requireFingerprint(String expected) {
        if (expected != null && !expected.equals(fingerprint())) {
            throw DomainError.of(ErrorKind.STALE, "admin.stale",
                    "Cet élément a été modifié entre-temps : rechargez la page avant de recommencer.").exception();
        }
    }
}
