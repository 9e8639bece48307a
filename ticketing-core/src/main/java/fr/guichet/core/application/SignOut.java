package fr.guichet.core.application;

import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;

/** Ends a session on the server: the token is worthless from then on. Ending an unknown session is not an error. */
public final class SignOut {

    private final SessionStore sessions;
    private final UnitOfWork unitOfWork;

    public SignOut(SessionStore sessions, UnitOfWork unitOfWork) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
    }

    public void signOut(SessionToken token) {
        unitOfWork.run(() -> sessions.delete(token.hash()));
    }
}
