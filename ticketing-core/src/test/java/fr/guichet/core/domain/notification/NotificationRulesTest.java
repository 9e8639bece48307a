package fr.guichet.core.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final Instant NOW = Fixtures.SEED_DAY;
    private static final String DISPLAY = "EVE \u2013 4.2 \u2013 Mathenpoche";
    private static final String LABEL = "Plateforme d'assistance du rectorat";
    private static final String EVE_LABEL = "Spécialistes des applications disciplinaires";

    private final Person requester = Fixtures.newRequester();
    private final Person agent = Fixtures.newStaff(Fixtures.PLATEFORME);
    private final Person colleague = Fixtures.newStaff(Fixtures.PLATEFORME);
    private final Request filed = Request.file(RequestNumber.of(22928), requester, Fixtures.seedDraft(),
            Fixtures.PLATEFORME, agent.id(), List.of(), null, NOW);
    private final Request unassigned = Request.file(RequestNumber.of(22929), requester, Fixtures.seedDraft(),
            Fixtures.PLATEFORME, null, List.of(), null, NOW);

    @Test
    void a_new_request_filed_to_a_member_tells_its_requester_and_its_assignee_not_the_rest_of_the_group() {
        List<Notification> sent = NotificationRules.notificationsFor(
                new RequestEvent.Filed(Fixtures.PLATEFORME, agent.id()), filed,
                new Audience(requester.id(), requester, List.of(agent, colleague), agent, DISPLAY, LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                agent.email().value(), TemplateKey.REQUEST_ASSIGNED_TO_YOU), byRecipient(sent));
        Notification receipt = sent.get(0);
        assertEquals("0022928", receipt.data().get("number"));
        assertEquals("perte d'identifiant", receipt.data().get("summary"));
        assertEquals(DISPLAY, receipt.data().get("subject"));
        assertEquals("attribuée", receipt.data().get("status"));
        assertEquals(requester.name().display(), receipt.data().get("requesterName"));
        assertEquals(requester.name().display(), receipt.data().get("recipientName"));
        assertEquals(RequestNumber.of(22928), receipt.request());
    }

    @Test
    void a_new_request_waiting_in_its_group_tells_every_member() {
        List<Notification> sent = NotificationRules.notificationsFor(
                new RequestEvent.Filed(Fixtures.PLATEFORME, null), unassigned,
                new Audience(requester.id(), requester, List.of(agent, colleague), null, DISPLAY, LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                agent.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP,
                colleague.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP), byRecipient(sent));
        assertEquals(LABEL, sent.get(1).data().get("group"));
    }

    @Test
    void taking_a_request_notifies_nobody() {
        Request queued = Request.file(RequestNumber.of(22929), requester, Fixtures.seedDraft(), Fixtures.PLATEFORME,
                null, List.of(), null, NOW);
        RequestChange take = queued.take(colleague, NOW);
        List<Notification> sent = NotificationRules.notificationsFor(take.events().get(0), take.after(),
                new Audience(colleague.id(), requester, List.of(agent, colleague), colleague, DISPLAY, LABEL));
        assertTrue(sent.isEmpty(), sent::toString);
    }

    @Test
    void an_internal_note_notifies_nobody() {
        RequestChange note = filed.staffMessage(agent, new MessageBody("Voir avec le rectorat."), true, NOW);
        List<Notification> sent = NotificationRules.notificationsFor(note.events().get(0), note.after(),
                new Audience(colleague.id(), requester, List.of(agent, colleague), agent, DISPLAY, LABEL));
        assertTrue(sent.isEmpty(), sent::toString);
    }

    @Test
    void a_public_answer_is_mailed_to_the_requester_with_its_body_and_author() {
        RequestChange answer = filed.staffMessage(agent, new MessageBody("Votre identifiant est votre adresse."), false,
                NOW);
        List<Notification> sent = NotificationRules.notificationsFor(answer.events().get(0), answer.after(),
                new Audience(agent.id(), requester, List.of(), agent, DISPLAY, LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.ANSWER_POSTED), byRecipient(sent));
        assertEquals("Votre identifiant est votre adresse.", sent.get(0).data().get("body"));
        assertEquals(agent.name().display(), sent.get(0).data().get("author"));
    }

    @Test
    void the_actor_is_never_told_of_their_own_act() {
        RequestChange followUp = filed.followUp(requester, new MessageBody("Toujours bloqué."), NOW);
        List<Notification> toAssignee = NotificationRules.notificationsFor(followUp.events().get(0),
                followUp.after(), new Audience(requester.id(), requester, List.of(), agent, DISPLAY, LABEL));
        assertEquals(Map.of(agent.email().value(), TemplateKey.FOLLOW_UP_POSTED), byRecipient(toAssignee));

        RequestChange redirect = filed.redirect(agent, Fixtures.PLATEFORME, colleague.id(), new MessageBody("À toi."),
                NOW);
        List<Notification> sent = NotificationRules.notificationsFor(redirect.events().get(0), redirect.after(),
                new Audience(colleague.id(), requester, List.of(agent, colleague), colleague, DISPLAY, LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_REDIRECTED), byRecipient(sent));
    }

    @Test
    void inactive_people_get_nothing() {
        Person gone = requester.deactivated();
        Person goneColleague = colleague.deactivated();
        List<Notification> sent = NotificationRules.notificationsFor(
                new RequestEvent.Filed(Fixtures.PLATEFORME, null), unassigned,
                new Audience(gone.id(), gone, List.of(goneColleague, agent), null, DISPLAY, LABEL));
        assertEquals(Map.of(agent.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP), byRecipient(sent));
    }

    @Test
    void a_redirection_to_a_group_tells_the_requester_and_the_new_group() {
        Person specialist = Fixtures.newStaff(Fixtures.EVE);
        RequestChange redirect = filed.redirect(agent, Fixtures.EVE, null, null, NOW);
        List<Notification> sent = NotificationRules.notificationsFor(redirect.events().get(0), redirect.after(),
                new Audience(agent.id(), requester, List.of(specialist), null, DISPLAY, EVE_LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_REDIRECTED,
                specialist.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP), byRecipient(sent));
        assertEquals(EVE_LABEL, sent.get(0).data().get("group"));
        assertEquals(EVE_LABEL, sent.get(0).data().get("handledBy"));
        assertEquals(EVE_LABEL, sent.get(1).data().get("group"));
    }

    @Test
    void a_redirection_to_a_person_names_them_and_their_group_to_the_requester() {
        Person specialist = Fixtures.newStaff(Fixtures.EVE);
        RequestChange redirect = filed.redirect(agent, Fixtures.EVE, specialist.id(), null, NOW);
        List<Notification> sent = NotificationRules.notificationsFor(redirect.events().get(0), redirect.after(),
                new Audience(agent.id(), requester, List.of(), specialist, DISPLAY, EVE_LABEL));
        Map<TemplateKey, Map<String, String>> data = sent.stream()
                .collect(Collectors.toMap(Notification::template, Notification::data));
        assertEquals(specialist.name().display() + " (" + EVE_LABEL + ")",
                data.get(TemplateKey.REQUEST_REDIRECTED).get("handledBy"));
        assertEquals(EVE_LABEL, data.get(TemplateKey.REQUEST_ASSIGNED_TO_YOU).get("group"));
    }

    @Test
    void a_resolution_by_staff_tells_the_requester_with_the_comment() {
        Request inProgress = filed.changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null, Duration.ofDays(15),
                NOW).after();
        RequestChange resolved = inProgress.changeStatus(agent, Actor.STAFF, Status.RESOLVED,
                new MessageBody("Mot de passe réinitialisé."), Duration.ofDays(15), NOW);
        List<Notification> sent = NotificationRules.notificationsFor(resolved.events().get(0), resolved.after(),
                new Audience(agent.id(), requester, List.of(), agent, DISPLAY, LABEL));
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RESOLVED), byRecipient(sent));
        assertEquals("Mot de passe réinitialisé.", sent.get(0).data().get("comment"));
        assertEquals("résolue", sent.get(0).data().get("status"));
    }

    private static Map<String, TemplateKey> byRecipient(List<Notification> sent) {
        return sent.stream().collect(Collectors.toMap(n -> n.recipient().value(), Notification::template));
    }
}
