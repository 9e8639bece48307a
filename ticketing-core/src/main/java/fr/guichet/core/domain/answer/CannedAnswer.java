package fr.guichet.core.domain.answer;

import fr.guichet.core.domain.person.GroupCode;
import java.util.Objects;

/**
 * A text a support group's staff insert into an answer and edit before sending it ("réponse type"); it belongs to one
 * group for good, and its version counts its revisions from 1.
 */
public record CannedAnswer(CannedAnswerId id, GroupCode group, CannedAnswerTitle title, CannedAnswerText body,
        long version) {

    public CannedAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
    }

    /** A new canned answer of {@code group}, at version 1 with a new identifier. */
    public static CannedAnswer create(GroupCode group, CannedAnswerTitle title, CannedAnswerText body) {
        return new CannedAnswer(CannedAnswerId.random(), group, title, body, 1);
    }

    /** This answer with a new title and text, at the next version. */
    public CannedAnswer revised(CannedAnswerTitle newTitle, CannedAnswerText newBody) {
        return new CannedAnswer(id, group, newTitle, newBody, version + 1);
    }
}
