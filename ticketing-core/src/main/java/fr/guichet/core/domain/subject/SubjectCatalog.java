package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.GroupCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subject tree with the request types: immutable, validated whole (every parent present, every subject's support
 * group known through itself or an ancestor).
 */
public final class SubjectCatalog {

    /** The routing of a subject for which neither it nor any ancestor sets one: straight to a member. */
    public static final Routing DEFAULT_ROUTING = Routing.FEWEST_OPEN;

    private static final Comparator<SubjectCode> ORDER = Comparator
            .comparing(SubjectCode::prefix)
            .thenComparing(SubjectCatalog::pathKey);

    /** Siblings in display order: by position, then by code. */
    private static final Comparator<Subject> SIBLINGS = Comparator.comparingInt(Subject::position)
            .thenComparing(Subject::code, ORDER);

    private final Map<SubjectCode, Subject> subjects;
    private final Map<SubjectCode, List<Subject>> children;
    private final Map<String, RequestType> types;

    private SubjectCatalog(Collection<Subject> subjects, Collection<RequestType> types) {
        Map<SubjectCode, Subject> byCode = new LinkedHashMap<>();
        subjects.stream().sorted(Comparator.comparing(Subject::code, ORDER)).forEach(s -> {
            if (byCode.put(s.code(), s) != null) {
                throw invalid("catalog.duplicate", "Le sujet " + s.code() + " est défini deux fois.");
            }
        });
        Map<SubjectCode, List<Subject>> kids = new LinkedHashMap<>();
        for (Subject s : byCode.values()) {
            kids.put(s.code(), new ArrayList<>());
        }
        for (Subject s : byCode.values()) {
            s.code().parent().ifPresent(p -> {
                List<Subject> siblings = kids.get(p);
                if (siblings == null) {
                    throw invalid("catalog.orphan", "Le sujet " + s.code() + " n'a pas de parent " + p + ".");
                }
                siblings.add(s);
            });
        }
        this.subjects = Map.copyOf(byCode);
        Map<SubjectCode, List<Subject>> frozen = new LinkedHashMap<>();
        kids.forEach((k, v) -> frozen.put(k, v.stream().sorted(SIBLINGS).toList()));
        this.children = Map.copyOf(frozen);
        Map<String, RequestType> typeMap = new LinkedHashMap<>();
        for (RequestType t : types) {
            if (typeMap.put(t.code(), t) != null) {
                throw invalid("catalog.duplicate_type", "Le type de demande " + t.code() + " est défini deux fois.");
            }
        }
        this.types = typeMap;
        for (Subject s : byCode.values()) {
            if (supportGroupOf(s).isEmpty()) {
                throw invalid("catalog.no_group", "Le sujet " + s.code() + " n'a pas de groupe de support.");
            }
        }
    }

    public static SubjectCatalog of(Collection<Subject> subjects, Collection<RequestType> types) {
        return new SubjectCatalog(subjects, types);
    }

    public static SubjectCatalog empty() {
        return new SubjectCatalog(List.of(), List.of());
    }

    private static String pathKey(SubjectCode code) {
        StringBuilder key = new StringBuilder();
        for (String part : code.path().split("\\.")) {
            key.append(String.format("%05d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    private static RuntimeException invalid(String code, String message) {
        return DomainError.invalid("catalog", code, message).exception();
    }

    public Optional<Subject> find(SubjectCode code) {
        return Optional.ofNullable(subjects.get(code));
    }

    /** Every subject, parents before children, siblings by position then code. */
    public List<Subject> all() {
        List<Subject> out = new ArrayList<>();
        roots().forEach(r -> collect(r, out));
        return out;
    }

    private void collect(Subject subject, List<Subject> out) {
        out.add(subject);
        children.get(subject.code()).forEach(c -> collect(c, out));
    }

    public List<Subject> roots() {
        return subjects.values().stream().filter(s -> s.code().parent().isEmpty()).sorted(SIBLINGS).toList();
    }

    /** The subjects that share the parent of {@code code} (the roots for a root), itself included, in order. */
    public List<Subject> siblings(SubjectCode code) {
        return code.parent().map(this::children).orElseGet(this::roots);
    }

    /**
     * This catalog with {@code subject} added, or put in the place of the subject with its code; validated whole. The
     * request types are kept.
     */
    public SubjectCatalog with(Subject subject) {
        Map<SubjectCode, Subject> next = new LinkedHashMap<>(subjects);
        next.put(subject.code(), subject);
        return new SubjectCatalog(next.values(), types.values());
    }

    /**
     * This catalog with the subject {@code code} moved to {@code rank} (1 for first) among its siblings, and the
     * siblings' positions renumbered 1, 2, ... in their new order; a rank outside 1 to the number of siblings is
     * refused on the field {@code position}.
     */
    public SubjectCatalog moved(SubjectCode code, int rank) {
        Subject subject = find(code).orElseThrow(() -> DomainError.invalid("subject", "subject.unknown",
                "Ce sujet n'existe pas dans le catalogue.").exception());
        List<Subject> order = new ArrayList<>(siblings(code));
        if (rank < 1 || rank > order.size()) {
            throw DomainError.invalid("position", "subject.position.invalid",
                    "La position doit être comprise entre 1 et " + order.size() + ".").exception();
        }
        order.remove(subject);
        order.add(rank - 1, subject);
        Map<SubjectCode, Subject> next = new LinkedHashMap<>(subjects);
        for (int i = 0; i < order.size(); i++) {
            next.put(order.get(i).code(), order.get(i).withPosition(i + 1));
        }
        return new SubjectCatalog(next.values(), types.values());
    }

    /** The rank of the subject {@code code} among its siblings, 1 for first. */
    public int rank(SubjectCode code) {
        List<Subject> siblings = siblings(code);
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).code().equals(code)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not in the catalog: " + code);
    }

    /** This catalog with these request types, in this order, instead of its own; validated whole. */
    public SubjectCatalog withRequestTypes(List<RequestType> value) {
        return new SubjectCatalog(subjects.values(), value);
    }

    public List<Subject> children(SubjectCode code) {
        return children.getOrDefault(code, List.of());
    }

    /** Active roots, as offered by "Choisir le sujet de la demande". */
    public List<Subject> activeRoots() {
        return roots().stream().filter(Subject::active).toList();
    }

    /** Active children of an active subject. */
    public List<Subject> activeChildren(SubjectCode code) {
        return children(code).stream().filter(Subject::active).toList();
    }

    /** A subject is active when it and all its ancestors are. */
    public boolean isActive(SubjectCode code) {
        Optional<Subject> subject = find(code);
        if (subject.isEmpty() || !subject.get().active()) {
            return false;
        }
        return code.parent().map(this::isActive).orElse(true);
    }

    /** Its own support group, else the nearest ancestor's. */
    public Optional<GroupCode> supportGroupOf(Subject subject) {
        Optional<GroupCode> own = subject.ownSupportGroup();
        if (own.isPresent()) {
            return own;
        }
        return subject.code().parent().flatMap(this::find).flatMap(this::supportGroupOf);
    }

    /** Its own routing, else the nearest ancestor's, else {@link #DEFAULT_ROUTING}. */
    public Routing routingOf(Subject subject) {
        for (Optional<Subject> s = Optional.of(subject); s.isPresent();
                s = s.get().code().parent().flatMap(this::find)) {
            if (s.get().routing() != null) {
                return s.get().routing();
            }
        }
        return DEFAULT_ROUTING;
    }

    /** Its own targets, each unset one taken from the nearest ancestor that sets it (null when none does). */
    public ServiceTargets targetsOf(Subject subject) {
        ServiceTargets own = subject.targets();
        return subject.code().parent().flatMap(this::find).map(p -> own.over(targetsOf(p))).orElse(own);
    }

    /** Every request type, active or not, in order. */
    public List<RequestType> requestTypes() {
        return List.copyOf(types.values());
    }

    /** The request types offered to a new request, in order. */
    public List<RequestType> activeRequestTypes() {
        return types.values().stream().filter(RequestType::active).toList();
    }

    public Optional<RequestType> requestType(String code) {
        return Optional.ofNullable(types.get(code));
    }

    /** The subject a request may be filed under, or the refusal that names the field. */
    public Subject leafForRequest(SubjectCode code) {
        Subject subject = find(code).orElseThrow(() -> DomainError.invalid("subject", "subject.unknown",
                "Ce sujet n'existe pas dans le catalogue.").exception());
        if (!isActive(code)) {
            throw DomainError.invalid("subject", "subject.inactive",
                    "Ce sujet n'est plus proposé.").exception();
        }
        if (!activeChildren(code).isEmpty()) {
            throw DomainError.invalid("subject", "subject.not_leaf",
                    "Précisez le sujet : choisissez un sous-sujet de " + subject.display() + ".").exception();
        }
        return subject;
    }
}
