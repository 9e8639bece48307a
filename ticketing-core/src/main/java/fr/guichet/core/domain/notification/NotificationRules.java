package fr.guichet.core.domain.notification;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.FileSize;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.StatusLabels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which event notifies whom: the requester of receipt, answers, redirection, resolution and reminders of a request
 * waiting for them; staff of new requests in
 * their group (filed unassigned: a request filed straight to a member tells that member alone) and of requests given to
 * them. Internal notes and takes notify nobody; nobody is told of their own act
 * but the requester of the receipt of their filing; inactive people get nothing. Groups and people are named as people
 * read them (a group's label, a person's name), never by code. Pure and thread-safe.
 */
public final class NotificationRules {

    private NotificationRules() {
    }

    public static List<Notification> notificationsFor(RequestEvent event, Request request, Audience audience) {
        Map<String, Notification> out = new LinkedHashMap<>();
        event.accept(new Recipients(out, request, audience));
        return List.copyOf(out.values());
    }

    /** What each kind of event adds to {@code out}. */
    private record Recipients(Map<String, Notification> out, Request request, Audience audience)
            implements RequestEvent.Handler<Void> {

        @Override
        public Void filed(RequestEvent.Filed filed) {
            audience.requesterPerson().ifPresent(p -> addEvenToActor(out, TemplateKey.REQUEST_RECEIVED, p, request,
                    audience, Map.of()));
            audience.assigneePerson().ifPresent(p -> add(out, TemplateKey.REQUEST_ASSIGNED_TO_YOU, p, request,
                    audience, Map.of("group", audience.groupLabel(), "comment", "")));
            if (request.summaryLine().assignee() == null) {
                tellGroup();
            }
            return null;
        }

        /** Every member of the group the request now waits in hears of it. */
        private void tellGroup() {
            for (Person member : audience.groupMembers()) {
                add(out, TemplateKey.NEW_REQUEST_FOR_GROUP, member, request, audience,
                        Map.of("group", audience.groupLabel()));
            }
        }

        @Override
        public Void answered(RequestEvent.Answered answered) {
            audience.requesterPerson().ifPresent(p -> add(out, TemplateKey.ANSWER_POSTED, p, request, audience,
                    Map.of("body", answered.message().body().value(),
                            "author", answered.message().author().name().display(),
                            "attachments", files(answered.message()))));
            return null;
        }

        @Override
        public Void noteAdded(RequestEvent.NoteAdded note) {
            return null;
        }

        @Override
        public Void followedUp(RequestEvent.FollowedUp followUp) {
            audience.assigneePerson().ifPresent(p -> add(out, TemplateKey.FOLLOW_UP_POSTED, p, request, audience,
                    Map.of("body", followUp.message().body().value(), "attachments", files(followUp.message()))));
            return null;
        }

        @Override
        public Void redirected(RequestEvent.Redirected redirected) {
            String comment = redirected.comment() == null ? "" : redirected.comment().value();
            String handledBy = audience.assigneePerson()
                    .map(p -> p.name().display() + " (" + audience.groupLabel() + ")")
                    .orElse(audience.groupLabel());
            audience.requesterPerson().ifPresent(p -> add(out, TemplateKey.REQUEST_REDIRECTED, p, request, audience,
                    Map.of("group", audience.groupLabel(), "handledBy", handledBy)));
            audience.assigneePerson().ifPresent(p -> add(out, TemplateKey.REQUEST_ASSIGNED_TO_YOU, p, request,
                    audience, Map.of("group", audience.groupLabel(), "comment", comment)));
            if (redirected.assignee() == null && !redirected.toGroup().equals(redirected.fromGroup())) {
                tellGroup();
            }
            return null;
        }

        /** Taking a request is the taker's own act, and the requester reads it on the request: nobody is mailed. */
        @Override
        public Void taken(RequestEvent.Taken taken) {
            return null;
        }

        @Override
        public Void statusChanged(RequestEvent.StatusChanged changed) {
            NotificationRules.statusChanged(changed, out, request, audience);
            return null;
        }

        @Override
        public Void reminded(RequestEvent.Reminded reminded) {
            audience.requesterPerson().ifPresent(p -> add(out, TemplateKey.REQUEST_REMINDER, p, request, audience,
                    Map.of("resolvesOn", reminded.resolvesOn())));
            return null;
        }
    }

    /** The files of {@code message}, one a line: its name and its size in French units. */
    private static String files(Message message) {
        return message.attachments().stream().map(a -> a.name() + " (" + FileSize.french(a.size()) + ")")
                .collect(Collectors.joining("\n"));
    }

    private static void statusChanged(RequestEvent.StatusChanged changed, Map<String, Notification> out,
            Request request, Audience audience) {
        String comment = changed.comment() == null ? "" : changed.comment().value();
        if (changed.actor() == Actor.STAFF) {
            if (changed.to() == Status.RESOLVED) {
                audience.requesterPerson().ifPresent(p -> add(out, TemplateKey.REQUEST_RESOLVED, p, request,
                        audience, Map.of("comment", comment)));
            } else if (!comment.isBlank()) {
                audience.requesterPerson().ifPresent(p -> add(out, TemplateKey.ANSWER_POSTED, p, request, audience,
                        Map.of("body", comment, "author", "", "attachments", "")));
            }
        } else if (changed.from() == Status.RESOLVED) {
            audience.assigneePerson().ifPresent(p -> add(out, TemplateKey.REQUEST_REOPENED, p, request, audience,
                    Map.of("body", comment)));
        } else if (!comment.isBlank()) {
            audience.assigneePerson().ifPresent(p -> add(out, TemplateKey.FOLLOW_UP_POSTED, p, request, audience,
                    Map.of("body", comment, "attachments", "")));
        }
    }

    private static void add(Map<String, Notification> out, TemplateKey key, Person to, Request request,
            Audience audience, Map<String, String> extra) {
        if (to.id().equals(audience.actor())) {
            return;
        }
        addEvenToActor(out, key, to, request, audience, extra);
    }

    private static void addEvenToActor(Map<String, Notification> out, TemplateKey key, Person to, Request request,
            Audience audience, Map<String, String> extra) {
        if (!to.active() || out.containsKey(to.email().value())) {
            return;
        }
        RequestSummary line = request.summaryLine();
        Map<String, String> data = new HashMap<>(extra);
        data.put("number", line.number().display());
        data.put("summary", line.summary().value());
        data.put("subject", audience.subjectDisplay());
        data.put("status", StatusLabels.french(line.status()));
        data.put("requesterName", line.requester().name().display());
        data.put("recipientName", to.name().display());
        out.put(to.email().value(), new Notification(key, to.email(), to.name().display(), line.number(), data));
    }
}
