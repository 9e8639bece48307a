package fr.guichet.core.application;

import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;

/** Ends a session on the server: the token is worthless from then on. Ending an unknown session is not an error. */
public final class SignOut {

    private final SessionStore sessions;
    private final UnitOfWork unitOfWork;
    private final SessionCache cache;

    SignOut(SessionStore sessions, UnitOfWork unitOfWork, SessionCache cache) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.cache = cache;
    }

    /** Ends the session in the store, then in this node's cache: the next call with the token is refused here at once. */
    public void signOut(SessionToken token) {
        unitOfWork.run(() -> sessions.delete(token.hash()));
        cache.forget(token.hash());
    }
}
