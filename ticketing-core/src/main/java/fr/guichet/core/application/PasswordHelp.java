package fr.guichet.core.application;

/** Where a forgotten password is set again in this deployment, as the answer to anyone who asks. */
public enum PasswordHelp {
    /** Passwords are Guichet's own: an active account named by the identifier was mailed a link (or recently was). */
    LOCAL_ACCOUNTS,
    /** Passwords live in the académie's directory: they are changed by its usual procedure, nothing is done here. */
    DIRECTORY
}
