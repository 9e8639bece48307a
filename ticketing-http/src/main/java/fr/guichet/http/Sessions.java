package fr.guichet.http;

import fr.guichet.core.application.Authenticate;
import fr.guichet.core.application.SignedIn;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.session.SessionToken;
import io.javalin.http.Context;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling: the session token from {@code Authorization: Bearer} or else the {@code GUICHET_SESSION} cookie;
 * a state-changing call made with the cookie must echo the session's CSRF token in {@code X-CSRF-Token}.
 */
final class Sessions {

    static final String COOKIE = "GUICHET_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final String BEARER = "bearer ";

    /** The attribute of an exchange that keeps its caller once found. */
    private static final String CALLER = "guichet.caller";

    private final Authenticate authenticate;
    private final boolean secure;

    Sessions(Authenticate authenticate, HttpConfig config) {
        this.authenticate = authenticate;
        this.secure = config.secureCookies();
    }

    /**
     * The signed-in caller; UNAUTHENTICATED without a live session, FORBIDDEN for a cookie call missing its CSRF.
     * Found once per call: a second call in the same exchange answers the same person without reading the store.
     */
    Person require(Context ctx) {
        Person known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        Presented presented = presented(ctx).orElseThrow(Sessions::unauthenticated);
        Person person = authenticate.person(presented.token()).orElseThrow(Sessions::unauthenticated);
        if (presented.byCookie() && changesState(ctx) && !presented.token().matchesCsrf(ctx.header(CSRF_HEADER))) {
            throw TicketingException.forbidden("csrf.invalid",
                    "L'en-tête X-CSRF-Token est absent ou ne correspond pas à la session.");
        }
        ctx.attribute(CALLER, person);
        return person;
    }

    /** {@link #require}, and FORBIDDEN for anyone but an administrator. */
    Person requireAdmin(Context ctx) {
        Person person = require(ctx);
        if (!person.has(Role.ADMIN)) {
            throw TicketingException.forbidden("admin.only", "Cette action est réservée aux administrateurs.");
        }
        return person;
    }

    /** The token the caller presented, if well-formed (checked against the store by {@link #require}). */
    Optional<SessionToken> token(Context ctx) {
        return presented(ctx).map(Presented::token);
    }

    void open(Context ctx, SignedIn signedIn, boolean remember, Duration length) {
        Cookie cookie = cookie(signedIn.token().value());
        if (remember) {
            cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, length.toSeconds()));
        }
        ctx.res().addCookie(cookie);
    }

    void close(Context ctx) {
        Cookie cookie = cookie("");
        cookie.setMaxAge(0);
        ctx.res().addCookie(cookie);
    }

    private Cookie cookie(String value) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private static Optional<Presented> presented(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                return Optional.empty();
            }
            return wellFormed(authorization.substring(BEARER.length()).strip()).map(t -> new Presented(t, false));
        }
        return wellFormed(ctx.cookie(COOKIE)).map(t -> new Presented(t, true));
    }

    private static Optional<SessionToken> wellFormed(String value) {
        return value != null && TOKEN.matcher(value).matches() ? Optional.of(new SessionToken(value))
                : Optional.empty();
    }

    /** Both the method sent and the route's (which Javalin may take from an override header) must be safe. */
    private static boolean changesState(Context ctx) {
        return !safe(ctx.req().getMethod()) || !safe(ctx.method().name());
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static TicketingException unauthenticated() {
        return DomainError.of(ErrorKind.UNAUTHENTICATED, "session.required",
                "Vous devez vous connecter pour accéder à cette ressource.").exception();
    }

    private record Presented(SessionToken token, boolean byCookie) {
    }
}
