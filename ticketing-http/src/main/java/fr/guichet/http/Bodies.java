package fr.guichet.http;

import java.util.List;

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

    /** One action on many requests; which of the other fields count depends on the action. */
    record Bulk(List<String> numbers, String action, String group, String assignee, String status, String parent,
            String comment) {
    }

    /** The incident a request is to follow, by number. */
    record Link(String parent) {
    }

    /** The request a kept mail is posted on. */
    record Attach(String number) {
    }

    /** A take needs no body; one sent may only be the empty object. */
    record Take() {
    }
}
