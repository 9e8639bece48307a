package fr.guichet.mail;

import fr.guichet.core.domain.notification.TemplateKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mail templates of every {@link TemplateKey}, loaded once as UTF-8: for each file
 * {@code <lang>/<key>.subject|.txt|.html}, the configured folder first, then the resources under
 * {@value #RESOURCES}, in the configured language then in French. A template uses {@code ${name}} placeholders, only
 * the names its key's data holds (see {@link TemplateKey}) plus {@code link} and {@code helpdeskName}; loading fails on
 * a missing file or an unknown name. Each template is split once, at loading, into its text and its placeholders, so
 * that rendering appends the pieces with no pattern matching. Rendering escapes every value for where it lands.
 * Immutable and thread-safe.
 */
final class Templates {

    static final String RESOURCES = "fr/guichet/mail/templates/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    /** The placeholder listing a message's files, one a line, shown as links to the request and never attached. */
    private static final String ATTACHMENTS = "attachments";
    /** The placeholder of the satisfaction survey's paragraph, shown only when the mail carries a survey link. */
    private static final String SATISFACTION = "satisfaction";
    private static final Map<String, String> SATISFACTION_TEXT = Map.of(
            "fr", "Votre avis nous aide : notez la réponse en un clic (lien valable 30 jours) :",
            "en", "Your opinion helps us: rate the answer in one click (link valid for 30 days):");
    private static final Map<String, String> ATTACHMENTS_TITLE = Map.of(
            "fr", "Fichiers joints, à télécharger depuis la demande :",
            "en", "Attached files, to download from the request:");
    private static final Set<String> COMMON = Set.of("number", "summary", "subject", "status", "requesterName",
            "recipientName", "link", "helpdeskName");
    private static final Set<String> ABOUT_NO_REQUEST = Set.of("recipientName", "link", "helpdeskName");

    /** One mail's rendered parts. */
    record Rendered(String subject, String text, String html) {
    }

    private record Template(Filled subject, Filled text, Filled html) {
    }

    /**
     * A template split at its placeholders: {@code literals[i]}, the value of {@code names[i]}, … then the last
     * literal; {@code length} is the literals' total.
     */
    private record Filled(String[] literals, String[] names, int length) {

        static Filled of(String template) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int from = 0;
            while (m.find()) {
                literals.add(template.substring(from, m.start()));
                names.add(m.group(1));
                from = m.end();
            }
            literals.add(template.substring(from));
            return new Filled(literals.toArray(String[]::new), names.toArray(String[]::new),
                    literals.stream().mapToInt(String::length).sum());
        }

        /** The template with each placeholder replaced by its escaped value, or by its ready-made {@code blocks}. */
        String with(Map<String, String> values, UnaryOperator<String> escape, Map<String, String> blocks) {
            StringBuilder out = new StringBuilder(length + 64 * names.length);
            out.append(literals[0]);
            for (int i = 0; i < names.length; i++) {
                String block = blocks.get(names[i]);
                out.append(block != null ? block : escape.apply(values.getOrDefault(names[i], ""))).append(
                        literals[i + 1]);
            }
            return out.toString();
        }
    }

    private final Map<TemplateKey, Template> templates;
    private final String language;

    private Templates(Map<TemplateKey, Template> templates, String language) {
        this.templates = templates;
        this.language = language;
    }

    /** Loads every template for {@code locale}; throws {@link IllegalStateException} naming what is wrong. */
    static Templates load(Locale locale, Optional<Path> folder) {
        List<String> languages = locale.getLanguage().isEmpty() || "fr".equals(locale.getLanguage())
                ? List.of("fr") : List.of(locale.getLanguage(), "fr");
        Map<TemplateKey, Template> loaded = new EnumMap<>(TemplateKey.class);
        for (TemplateKey key : TemplateKey.values()) {
            String base = key.name().toLowerCase(Locale.ROOT);
            Set<String> allowed = namesFor(key);
            loaded.put(key, new Template(Filled.of(read(base + ".subject", languages, folder, allowed).strip()),
                    Filled.of(read(base + ".txt", languages, folder, allowed)), Filled.of(read(base + ".html",
                            languages, folder, allowed))));
        }
        return new Templates(loaded, languages.get(0));
    }

    /** The placeholder names a template of {@code key} may use. */
    static Set<String> namesFor(TemplateKey key) {
        if (key == TemplateKey.PASSWORD_RESET) {
            return ABOUT_NO_REQUEST;
        }
        if (key == TemplateKey.ACCOUNT_CREATED) {
            return Set.of("recipientName", "identifier", "link", "helpdeskName");
        }
        if (key == TemplateKey.REQUESTS_RETURNED_TO_GROUP) {
            return Set.of("recipientName", "group", "personName", "requests", "link", "helpdeskName");
        }
        if (key == TemplateKey.DIGEST) {
            return Set.of("recipientName", "count", "requests", "link", "helpdeskName");
        }
        Set<String> names = new LinkedHashSet<>(COMMON);
        switch (key) {
            case ANSWER_POSTED -> names.addAll(List.of("body", "author", ATTACHMENTS));
            case REQUEST_REDIRECTED -> names.addAll(List.of("group", "handledBy"));
            case NEW_REQUEST_FOR_GROUP -> names.add("group");
            case REQUEST_RESOLVED -> names.addAll(List.of("comment", SATISFACTION));
            case REQUEST_ASSIGNED_TO_YOU -> names.addAll(List.of("group", "comment"));
            case FOLLOW_UP_POSTED -> names.addAll(List.of("body", ATTACHMENTS));
            case REQUEST_REOPENED -> names.add("body");
            case REQUEST_REMINDER -> names.add("resolvesOn");
            case REQUEST_RECEIVED -> {
            }
        }
        return Set.copyOf(names);
    }

    /** The language of the templates asked for ({@code fr} or another with French as fallback). */
    String language() {
        return language;
    }

    /**
     * Fills {@code key}'s templates with {@code values} (raw user text; a missing value renders empty); the files of
     * {@code ${attachments}} are listed under a title, in HTML each a link to the request, and nothing is shown when
     * there are none.
     */
    Rendered render(TemplateKey key, Map<String, String> values) {
        Template t = templates.get(key);
        List<String> files = values.getOrDefault(ATTACHMENTS, "").lines().filter(f -> !f.isBlank()).toList();
        String link = SafeText.html(values.getOrDefault("link", ""));
        String title = ATTACHMENTS_TITLE.getOrDefault(language, ATTACHMENTS_TITLE.get("fr"));
        String filesText = files.isEmpty() ? "" : title + "\n" + files.stream()
                .map(f -> "- " + SafeText.body(f)).collect(Collectors.joining("\n"));
        String filesHtml = files.isEmpty() ? "" : "<p>" + SafeText.html(title) + "</p>\n<ul>\n" + files.stream()
                .map(f -> "<li><a href=\"" + link + "\" style=\"color: #000091;\">" + SafeText.html(f) + "</a></li>\n")
                .collect(Collectors.joining()) + "</ul>";
        String survey = values.getOrDefault("satisfactionLink", "");
        String surveyTitle = SATISFACTION_TEXT.getOrDefault(language, SATISFACTION_TEXT.get("fr"));
        String surveyText = survey.isEmpty() ? "" : surveyTitle + "\n" + SafeText.body(survey);
        String surveyHtml = survey.isEmpty() ? "" : "<p>" + SafeText.html(surveyTitle) + " <a href=\""
                + SafeText.html(survey) + "\" style=\"color: #000091;\">" + SafeText.html(survey) + "</a></p>";
        String subject = SafeText.header(t.subject().with(values, SafeText::header, Map.of()));
        String filled = t.text().with(values, SafeText::body, Map.of(ATTACHMENTS, filesText, SATISFACTION,
                surveyText));
        String text = filled.contains("\n\n\n") ? BLANK_LINES.matcher(filled).replaceAll("\n\n") : filled;
        String html = t.html().with(values, SafeText::html, Map.of(ATTACHMENTS, filesHtml, SATISFACTION, surveyHtml));
        return new Rendered(subject, text, html);
    }

    private static String read(String file, List<String> languages, Optional<Path> folder, Set<String> allowed) {
        for (String language : languages) {
            Optional<String> text = folder.map(f -> f.resolve(language).resolve(file)).filter(Files::isRegularFile)
                    .map(Templates::readFile).or(() -> readResource(RESOURCES + language + "/" + file));
            if (text.isPresent()) {
                String template = text.get().replace("\r\n", "\n");
                Matcher m = PLACEHOLDER.matcher(template);
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        throw new IllegalStateException("mail template " + language + "/" + file
                                + " uses an unknown placeholder ${" + m.group(1) + "}; allowed: " + allowed);
                    }
                }
                return template;
            }
        }
        throw new IllegalStateException("mail template " + file + " not found for " + languages
                + folder.map(f -> " in " + f + " nor").orElse("") + " in the resources " + RESOURCES);
    }

    private static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + path, e);
        }
    }

    private static Optional<String> readResource(String name) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + name, e);
        }
    }
}
