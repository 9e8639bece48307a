package fr.guichet.core.domain.notification;

/**
 * Which e-mail to send; each names the template a channel renders. The data of every notification holds the keys of
 * {@link Notification}; some add their own, listed here.
 */
public enum TemplateKey {
    /** To the requester: their request was received, with its number. */
    REQUEST_RECEIVED,
    /**
     * To the requester: staff answered; adds {@code body}, {@code author} and {@code attachments} (the answer's files,
     * one a line as "name (size)", empty when none).
     */
    ANSWER_POSTED,
    /**
     * To the requester: the request went to another group or person; adds {@code group} (its label) and
     * {@code handledBy} (the person's name with the group's label in brackets, or the group's label alone).
     */
    REQUEST_REDIRECTED,
    /** To the requester: the request is resolved; adds {@code comment} (may be empty). */
    REQUEST_RESOLVED,
    /** To each member of the group that receives a new or redirected request; adds {@code group} (its label). */
    NEW_REQUEST_FOR_GROUP,
    /**
     * To the staff member a request was redirected or assigned to; adds {@code group} (its label) and
     * {@code comment}.
     */
    REQUEST_ASSIGNED_TO_YOU,
    /**
     * To a person with a local account who asked for a new password: the link that sets one; about no request, its
     * data holds {@code recipientName} and {@code resetToken} (the link's secret) only.
     */
    PASSWORD_RESET,
    /** To the assignee: the requester followed up; adds {@code body} and {@code attachments} (as for an answer). */
    FOLLOW_UP_POSTED,
    /** To the assignee: the requester reopened the resolved request; adds {@code body}, their reason. */
    REQUEST_REOPENED,
    /**
     * To a person an administrator gave a local account: the link that sets their first password; about no request,
     * its data holds {@code recipientName}, {@code identifier} and {@code resetToken} (the link's secret) only.
     */
    ACCOUNT_CREATED,
    /**
     * To each staff member of a group: requests assigned to a person who left the group, lost their staff role or was
     * deactivated are back in the group's queue, unassigned; about no request, its data holds {@code recipientName}, {@code group} (its label),
     * {@code personName} and {@code requests} (one a line as "n° number – summary").
     */
    REQUESTS_RETURNED_TO_GROUP,
    /**
     * To the requester: the request has waited for their answer for a while and will be resolved without it; adds
     * {@code resolvesOn} (the date, as people read it).
     */
    REQUEST_REMINDER,
    /**
     * To a staff member who chose a daily digest: what they would have been mailed since their last digest; about no
     * request, its data holds {@code recipientName}, {@code count} (how many lines), {@code requests} (one a line:
     * number, summary, school, subject and what happened) and {@code numbers} (the requests' numbers, comma-separated,
     * in the order of the lines, for a channel to add each one's link).
     */
    DIGEST;

    /**
     * True for the mails that come in bursts and that nobody waits for at their screen: acknowledgements of filings
     * and notices to a group's members. The dispatcher sends the others (an answer, a resolution, a password link)
     * first.
     */
    public boolean bulk() {
        return this == REQUEST_RECEIVED || this == NEW_REQUEST_FOR_GROUP || this == REQUESTS_RETURNED_TO_GROUP
                || this == DIGEST;
    }

    /**
     * True when the data of its mails is forgotten once the mail is done: it holds a secret (a password link), or the
     * texts of several requests (a digest), which anonymising one of them would not reach.
     */
    public boolean holdsSecret() {
        return this == PASSWORD_RESET || this == ACCOUNT_CREATED || this == DIGEST;
    }

    /** True when its mails are about no request (their data holds no request's values). */
    public boolean aboutNoRequest() {
        return this == PASSWORD_RESET || this == ACCOUNT_CREATED || this == REQUESTS_RETURNED_TO_GROUP
                || this == DIGEST;
    }

    /**
     * True for the mails to the staff member a request is assigned to (given to them, followed up, reopened), which
     * they may choose to read in their digest instead.
     */
    public boolean aboutAssignedRequest() {
        return this == REQUEST_ASSIGNED_TO_YOU || this == FOLLOW_UP_POSTED || this == REQUEST_REOPENED;
    }
}
