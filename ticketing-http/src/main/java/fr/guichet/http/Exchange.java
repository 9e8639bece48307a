package fr.guichet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.domain.admin.Snapshot;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every handler does with a call: read its JSON body within the configured limit, stream a JSON answer, and tag
 * an administered thing with its {@link Snapshot#fingerprint() fingerprint} ({@code ETag: "<16 hex digits>"}) or read
 * the fingerprint an {@code If-Match} names. Thread-safe.
 */
final class Exchange {

    private static final Pattern FINGERPRINT_TAG = Pattern.compile("\"([0-9a-f]{16})\"");

    private final ObjectMapper mapper;
    private final HttpConfig config;

    Exchange(ObjectMapper mapper, HttpConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    <T> T json(Context ctx, Class<T> type) {
        return json(ctx, type, config.maxJsonBytes());
    }

    <T> T json(Context ctx, Class<T> type, long limit) {
        Json.requireJson(ctx.contentType());
        if (ctx.req().getContentLengthLong() > limit) {
            throw Problems.tooLarge(limit);
        }
        try {
            return Json.read(mapper, ctx.req().getInputStream(), limit, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code body} as JSON straight to the response as Jackson produces it, with no copy in between; Javalin
     * gzips it when it comes to 1 KiB or more and the client accepts gzip.
     */
    void write(Context ctx, int status, Object body) {
        ctx.status(status).contentType(Json.MEDIA_TYPE);
        try (OutputStream out = ctx.outputStream()) {
            mapper.writeValue(out, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code body} tagged with the fingerprint of {@code snapshot}. */
    void writeTagged(Context ctx, int status, Snapshot snapshot, Object body) {
        ctx.header("ETag", "\"" + snapshot.fingerprint() + "\"");
        write(ctx, status, body);
    }

    /**
     * The fingerprint an {@code If-Match} names: none when absent or {@code *}; a tag that cannot name a fingerprint
     * (weak, malformed, a list) matches nothing, so the core answers STALE.
     */
    static String ifMatchFingerprint(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = FINGERPRINT_TAG.matcher(ifMatch.strip());
        return m.matches() ? m.group(1) : "-";
    }
}
