package fr.guichet.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The execution samples of a Java Flight Recorder recording, summed up: samples per thread pool, the share of samples
 * with a given component anywhere on their stack, and the methods most often on top.
 */
final class Profile {

    /** Components looked for anywhere on a sampled stack, each named by what its frames start with. */
    private static final Map<String, List<String>> COMPONENTS = components();

    private Profile() {
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("session sign-in (PBKDF2)", List.of("fr.guichet.jdbc.Pbkdf2", "com.sun.crypto.provider.PBKDF2"));
        c.put("mail composition and .eml writing", List.of("fr.guichet.mail."));
        c.put("the core's use cases", List.of("fr.guichet.core."));
        c.put("ticketing-jdbc", List.of("fr.guichet.jdbc."));
        c.put("Jdbi", List.of("org.jdbi."));
        c.put("HikariCP", List.of("com.zaxxer.hikari."));
        c.put("H2 engine", List.of("org.h2."));
        c.put("PostgreSQL driver", List.of("org.postgresql."));
        c.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        c.put("gzip", List.of("java.util.zip."));
        c.put("socket reads and writes", List.of("sun.nio.ch.", "java.net.Socket"));
        return c;
    }

    /** The summary of the recording at {@code recording}. */
    static String of(Path recording) throws IOException, InterruptedException {
        Process jfr = new ProcessBuilder("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96",
                recording.toString()).redirectErrorStream(true).start();
        String text = new String(jfr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jfr.waitFor();
        Map<String, Integer> threads = new TreeMap<>();
        Map<String, Integer> components = new LinkedHashMap<>();
        Map<String, Integer> tops = new TreeMap<>();
        int samples = 0;
        for (String event : text.split("jdk.ExecutionSample \\{")) {
            int stack = event.indexOf("stackTrace = [");
            if (stack < 0) {
                continue;
            }
            samples++;
            threads.merge(pool(event), 1, Integer::sum);
            List<String> frames = new ArrayList<>();
            for (String line : event.substring(stack).split("\n")) {
                String frame = line.strip();
                if (!frame.isEmpty() && !frame.startsWith("stackTrace") && !frame.startsWith("]")
                        && !frame.startsWith("}") && !frame.equals("...")) {
                    frames.add(frame.replaceAll(" +line:.*$", ""));
                }
            }
            if (!frames.isEmpty()) {
                tops.merge(frames.get(0), 1, Integer::sum);
            }
            COMPONENTS.forEach((name, prefixes) -> {
                if (frames.stream().anyMatch(f -> prefixes.stream().anyMatch(f::startsWith))) {
                    components.merge(name, 1, Integer::sum);
                }
            });
        }
        StringBuilder out = new StringBuilder(samples + " execution samples (JFR, profile settings).\n\nBy thread:\n");
        int total = Math.max(1, samples);
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(line(e.getKey(), e.getValue(), total)));
        out.append("\nSamples with the component anywhere on their stack:\n");
        components.forEach((name, count) -> out.append(line(name, count, total)));
        out.append("\nMethods most often on top of the stack:\n");
        tops.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> out.append(line(e.getKey(), e.getValue(), total)));
        return out.toString();
    }

    private static String line(String name, int count, int total) {
        return String.format(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * count / total, count, name);
    }

    /** The sampled thread's name without its number: its pool. */
    private static String pool(String event) {
        int at = event.indexOf("sampledThread = \"");
        if (at < 0) {
            return "?";
        }
        int from = at + "sampledThread = \"".length();
        String name = event.substring(from, event.indexOf('"', from));
        return name.replaceAll("[-@ ]?[0-9]+$", "");
    }
}
