package fr.guichet.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.FileSize;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where refusals become HTTP answers: each {@link ErrorKind} has its status and French title, and every
 * error is written as an RFC 9457 problem; anything unexpected is logged here and answered 500 with a reference only.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String WRITTEN = "guichet.problem.written";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final Map<ErrorKind, Integer> STATUS = new EnumMap<>(ErrorKind.class);
    private static final Map<ErrorKind, String> TITLE = new EnumMap<>(ErrorKind.class);

    static {
        kind(ErrorKind.INVALID, 400, "Requête invalide");
        kind(ErrorKind.UNAUTHENTICATED, 401, "Authentification requise");
        kind(ErrorKind.FORBIDDEN, 403, "Action non autorisée");
        kind(ErrorKind.NOT_FOUND, 404, "Introuvable");
        kind(ErrorKind.CONFLICT, 409, "Action impossible dans l'état actuel");
        kind(ErrorKind.STALE, 412, "Version périmée");
        kind(ErrorKind.TOO_LARGE, 413, "Contenu trop volumineux");
        kind(ErrorKind.UNSUPPORTED_MEDIA_TYPE, 415, "Type de contenu non accepté");
        kind(ErrorKind.TOO_MANY_ATTEMPTS, 429, "Trop de tentatives");
        kind(ErrorKind.UNAVAILABLE, 503, "Service indisponible");
    }

    private final ObjectMapper mapper;

    Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static void kind(ErrorKind kind, int status, String title) {
        STATUS.put(kind, status);
        TITLE.put(kind, title);
    }

    static int status(ErrorKind kind) {
        return STATUS.get(kind);
    }

    static TicketingException tooLarge(long limit) {
        return DomainError.of(ErrorKind.TOO_LARGE, "body.too_large",
                "Le contenu envoyé dépasse la taille autorisée (" + FileSize.french(limit) + ").").exception();
    }

    static TicketingException notFound() {
        return TicketingException.notFound("resource.not_found", "La ressource demandée est introuvable.");
    }

    /** Answers any throwable: domain refusals with their status, Javalin's own with theirs, the rest 500. */
    void write(Context ctx, Throwable failure) {
        if (failure instanceof TicketingException e) {
            write(ctx, e);
        } else if (failure instanceof HttpResponseException e && e.getStatus() >= 400 && e.getStatus() < 500) {
            write(ctx, e.getStatus(), "urn:guichet:problem:http-" + e.getStatus(), "Requête refusée",
                    frenchFor(e.getStatus()), null, null);
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected failure on {} {} (reference {})", ctx.method(), ctx.path(), reference, failure);
            write(ctx, 500, "urn:guichet:problem:internal", "Erreur interne",
                    "Une erreur inattendue s'est produite. Référence : " + reference + ".", null, null);
        }
    }

    void write(Context ctx, TicketingException e) {
        ErrorKind kind = e.kind();
        if (kind == ErrorKind.UNAVAILABLE) {
            LOG.warn("Service unavailable on {} {}", ctx.method(), ctx.path(), e);
        }
        Map<String, String> errors = null;
        String detail = e.errors().get(0).message();
        if (kind == ErrorKind.INVALID || e.errors().stream().anyMatch(error -> error.fieldName().isPresent())) {
            errors = new LinkedHashMap<>();
            for (DomainError error : e.errors()) {
                errors.putIfAbsent(error.fieldName().orElse("body"), error.message());
            }
            detail = e.errors().size() == 1 ? detail : "Certains champs sont invalides.";
        }
        write(ctx, status(kind), "urn:guichet:problem:" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                TITLE.get(kind), detail, errors, e.code());
    }

    /** Writes a 404 or 405 of the router as a problem, unless a handler already answered. */
    void writeRouterMiss(Context ctx, int status) {
        if (ctx.attribute(WRITTEN) == null) {
            write(ctx, status, "urn:guichet:problem:http-" + status, "Requête refusée", frenchFor(status), null,
                    null);
        }
    }

    private void write(Context ctx, int status, String type, String title, String detail, Map<String, String> errors,
            String code) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(new Problem(type, title, status, detail, code, errors));
        } catch (JsonProcessingException e) {
            body = ("{\"type\":\"urn:guichet:problem:internal\",\"title\":\"Erreur interne\",\"status\":500}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(MEDIA_TYPE);
        ctx.result(body);
    }

    private static String frenchFor(int status) {
        switch (status) {
            case 404:
                return "Aucune ressource ne correspond à cette adresse.";
            case 405:
                return "Cette méthode n'est pas acceptée à cette adresse.";
            case 413:
                return "Le contenu envoyé dépasse la taille autorisée.";
            case 415:
                return "Ce type de contenu n'est pas accepté.";
            default:
                return "La requête ne peut pas être traitée.";
        }
    }

    /** An RFC 9457 problem; {@code code} is our stable machine code, {@code errors} the faulty fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String code, Map<String, String> errors) {
    }
}
