package fr.guichet.http;

import fr.guichet.core.application.AttachmentLimits;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.application.Upload;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.FileName;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;

/**
 * A {@code multipart/form-data} body (a filing, a message) of one JSON part and parts {@code file}, read by Jetty with
 * limits: parts are spooled to disk past a small threshold (never the whole body in memory), the body and each file
 * are capped and refused as the core refuses files over its limits, and {@link #close()} deletes the spool.
 */
final class Multipart implements AutoCloseable {

    static final String MEDIA_TYPE = "multipart/form-data";
    /** Jetty's request attribute holding the multipart limits (what Javalin also sets). */
    private static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final int IN_MEMORY_THRESHOLD = 64 * 1024;

    private final Collection<Part> parts;
    private final long maxJsonBytes;

    private Multipart(Collection<Part> parts, long maxJsonBytes) {
        this.parts = parts;
        this.maxJsonBytes = maxJsonBytes;
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith(MEDIA_TYPE);
    }

    /**
     * Parses the body; TOO_LARGE past the limits (declared or actual: the files in all, or one file), INVALID when it
     * is not well-formed.
     */
    static Multipart read(Context ctx, HttpConfig config, TicketingSettings settings) {
        AttachmentLimits limits = new AttachmentLimits(settings);
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxMultipartBytes()) {
            throw limits.tooLargeInAll(0);
        }
        ctx.req().setAttribute(CONFIG_ATTRIBUTE, new MultipartConfigElement(config.spoolDirectory().toString(),
                -1, config.maxMultipartBytes(), IN_MEMORY_THRESHOLD));
        Collection<Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (IOException | ServletException | IllegalStateException e) {
            throw refusal(e, limits);
        }
        Multipart multipart = new Multipart(parts, config.maxJsonBytes());
        for (Part part : parts) {
            if (part.getSize() > settings.maxFileBytes()) {
                multipart.close();
                String name = part.getSubmittedFileName();
                throw limits.fileTooLarge(name == null ? null : FileName.sanitise(name));
            }
        }
        return multipart;
    }

    /** The JSON of the part {@code name}, at most the JSON limit. */
    InputStream json(String name) {
        List<Part> found = named(name);
        if (found.size() != 1) {
            throw DomainError.invalid(name, "multipart." + name + ".missing",
                    "La partie « " + name + " » (en JSON) est obligatoire, une seule fois.").exception();
        }
        Part part = found.get(0);
        if (part.getSize() > maxJsonBytes) {
            throw Problems.tooLarge(maxJsonBytes);
        }
        return open(part);
    }

    /**
     * The parts {@code file} that hold a file (a browser sends an empty one when none is chosen); any part other than
     * these and the JSON part {@code jsonName} is refused.
     */
    List<Upload> uploads(String jsonName) {
        for (Part part : parts) {
            if (!part.getName().equals(jsonName) && !part.getName().equals("file")) {
                throw DomainError.invalid("multipart", "multipart.part.unknown",
                        "Seules les parties « " + jsonName + " » et « file » sont acceptées.").exception();
            }
        }
        List<Upload> uploads = new ArrayList<>();
        for (Part part : named("file")) {
            String name = part.getSubmittedFileName();
            if ((name == null || name.isEmpty()) && part.getSize() == 0) {
                continue;
            }
            uploads.add(new Upload(name, open(part)));
        }
        return uploads;
    }

    private List<Part> named(String name) {
        return parts.stream().filter(p -> p.getName().equals(name)).toList();
    }

    private static InputStream open(Part part) {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * TOO_LARGE (the files in all) when Jetty stopped at the body limit, INVALID otherwise. A part over the file limit
     * is ours to refuse (Jetty is given none), but Jetty 12.1 reports a body past its limit only as an
     * IllegalStateException "max length exceeded" under a 400 BadMessageException, with no type or code of its own:
     * that one text is read here.
     */
    private static TicketingException refusal(Exception e, AttachmentLimits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean tooLarge = t instanceof HttpException h && h.getCode() == 413
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage())
                            .startsWith("max length exceeded");
            if (tooLarge) {
                return limits.tooLargeInAll(0);
            }
        }
        return DomainError.invalid("body", "multipart.malformed",
                "Le corps multipart/form-data est mal formé.").exception();
    }
}
