package fr.guichet.http;

/**
 * The JSON bodies clients send, each holding only the fields a client may set: any other field (number, status,
 * requester, assignee…) is refused by the strict mapper.
 */
final class Bodies {

    private Bodies() {
    }

    record SignIn(String identifier, String password, Boolean remember) {
    }

    record PasswordResetRequest(String identifier) {
    }

    record NewPassword(String password) {
    }

    record Filing(String subject, String type, String summary, String description, String visibility) {
    }

    record NewMessage(String body, Boolean internal) {
    }

    record Redirect(String group, String assignee, String comment) {
    }

    record StatusChange(String status, String comment) {
    }

    record NewCannedAnswer(String group, String title, String body) {
    }

    /** A canned answer stays in its group: a change gives its title and text only. */
    record CannedAnswerChange(String title, String body) {
    }

    /** A take needs no body; one sent may only be the empty object. */
    record Take() {
    }
}
