package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.answer.CannedAnswerText;
import fr.guichet.core.domain.answer.CannedAnswerTitle;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.UnitOfWork;

/**
 * The staff of a support group, and administrators, add, change and remove the group's canned answers. Every faulty
 * field is refused at once (INVALID) before anything is stored; anyone else is FORBIDDEN; a change or removal naming a
 * version ({@code If-Match}) that is no longer the stored one is STALE and changes nothing.
 */
public final class ManageCannedAnswers {

    private final UnitOfWork unitOfWork;
    private final CannedAnswers answers;
    private final PersonDirectory people;

    ManageCannedAnswers(UnitOfWork unitOfWork, CannedAnswers answers, PersonDirectory people) {
        this.unitOfWork = unitOfWork;
        this.answers = answers;
        this.people = people;
    }

    /** Adds a canned answer to {@code group} (its code as typed), which must exist. */
    public CannedAnswer add(Person author, String group, String title, String body) {
        requireStaff(author);
        Validation v = new Validation();
        GroupCode code = v.check(() -> GroupCode.of(Validation.required(group, "group", "Le groupe")));
        CannedAnswerTitle t = v.check(() -> new CannedAnswerTitle(title));
        CannedAnswerText b = v.check(() -> new CannedAnswerText(body));
        v.throwIfInvalid();
        return unitOfWork.inTransaction(() -> {
            SupportGroup known = people.group(code).orElseThrow(() -> DomainError.invalid("group",
                    "group.unknown", "Ce groupe de support n'existe pas.").exception());
            requireManager(author, known.code());
            CannedAnswer added = CannedAnswer.create(known.code(), t, b);
            answers.add(added);
            return added;
        });
    }

    /** Gives canned answer {@code id} a new title and text; {@code expectedVersion} may be null (no check). */
    public CannedAnswer change(Person author, CannedAnswerId id, String title, String body, Long expectedVersion) {
        requireStaff(author);
        Validation v = new Validation();
        CannedAnswerTitle t = v.check(() -> new CannedAnswerTitle(title));
        CannedAnswerText b = v.check(() -> new CannedAnswerText(body));
        v.throwIfInvalid();
        return unitOfWork.inTransaction(() -> {
            CannedAnswer stored = managed(author, id, expectedVersion);
            CannedAnswer revised = stored.revised(t, b);
            if (!answers.replace(revised)) {
                throw lost(expectedVersion);
            }
            return revised;
        });
    }

    /** Removes canned answer {@code id}; {@code expectedVersion} may be null (no check). */
    public void remove(Person author, CannedAnswerId id, Long expectedVersion) {
        requireStaff(author);
        unitOfWork.run(() -> {
            CannedAnswer stored = managed(author, id, expectedVersion);
            if (!answers.remove(id, stored.version())) {
                throw lost(expectedVersion);
            }
        });
    }

    private CannedAnswer managed(Person author, CannedAnswerId id, Long expectedVersion) {
        CannedAnswer stored = answers.find(id).orElseThrow(ListCannedAnswers::notFound);
        requireManager(author, stored.group());
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw stale();
        }
        return stored;
    }

    private void requireManager(Person author, GroupCode group) {
        if (!Access.mayManageAnswersOf(author, group)) {
            String label = Fallbacks.groupLabel(people, group);
            throw TicketingException.forbidden("canned_answer.not_in_group", "Seuls les membres du groupe « "
                    + label + " » et les administrateurs peuvent modifier ses réponses types.");
        }
    }

    /** Someone changed or removed the answer between its reading and its writing. */
    private static TicketingException lost(Long expectedVersion) {
        if (expectedVersion != null) {
            return stale();
        }
        return DomainError.of(ErrorKind.CONFLICT, "canned_answer.version.conflict",
                "La réponse type vient d'être modifiée par quelqu'un d'autre : rechargez-la.").exception();
    }

    private static TicketingException stale() {
        return DomainError.of(ErrorKind.STALE, "canned_answer.version.stale",
                "La réponse type a été modifiée entre-temps : rechargez-la avant de recommencer.").exception();
    }

    private static void requireStaff(Person author) {
        Access.requireActive(author);
        Access.requireStaff(author);
    }
}
