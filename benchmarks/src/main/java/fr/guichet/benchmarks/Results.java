package fr.guichet.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of one run: measurements, targets met or missed, and notes, written as {@code results.csv},
 * {@code results.json} and a Markdown {@code summary.md}.
 */
public final class Results {

    /** One measured number: which workload and case, what it measures, in which unit. */
    public record Measurement(String workload, String scenario, String metric, double value, String unit) {
    }

    /** A target of the issue, met or not, with the numbers it was judged on. */
    public record Check(String workload, String target, boolean met, String detail) {
    }

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    public synchronized void add(String workload, String scenario, String metric, double value, String unit) {
        measurements.add(new Measurement(workload, scenario, metric, value, unit));
    }

    public synchronized void check(String workload, String target, boolean met, String detail) {
        checks.add(new Check(workload, target, met, detail));
    }

    public synchronized void note(String workload, String text) {
        notes.computeIfAbsent(workload, k -> new ArrayList<>()).add(text);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    /** The value of the first measurement matching all three names, or NaN. */
    public synchronized double value(String workload, String scenario, String metric) {
        return measurements.stream()
                .filter(m -> m.workload().equals(workload) && m.scenario().equals(scenario)
                        && m.metric().equals(metric))
                .mapToDouble(Measurement::value).findFirst().orElse(Double.NaN);
    }

    /** Writes the three files into {@code folder}, created if missing. */
    public synchronized void write(Path folder, String machine) {
        try {
            Files.createDirectories(folder);
            StringBuilder csv = new StringBuilder("workload,scenario,metric,value,unit\n");
            for (Measurement m : measurements) {
                csv.append(quoted(m.workload())).append(',').append(quoted(m.scenario())).append(',')
                        .append(quoted(m.metric())).append(',').append(format(m.value())).append(',')
                        .append(quoted(m.unit())).append('\n');
            }
            Files.writeString(folder.resolve("results.csv"), csv);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", machine);
            json.put("measurements", measurements);
            json.put("checks", checks);
            json.put("notes", notes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(folder.resolve("results.json").toFile(), json);
            Files.writeString(folder.resolve("summary.md"), markdown(machine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdown(String machine) {
        StringBuilder md = new StringBuilder("# Guichet benchmark results\n\n").append(machine).append("\n\n");
        md.append("## Targets\n\n| Workload | Target | Met | Numbers |\n|---|---|---|---|\n");
        for (Check c : checks) {
            md.append("| ").append(c.workload()).append(" | ").append(c.target()).append(" | ")
                    .append(c.met() ? "yes" : "**no**").append(" | ").append(c.detail()).append(" |\n");
        }
        String current = null;
        for (Measurement m : measurements) {
            if (!m.workload().equals(current)) {
                current = m.workload();
                md.append("\n## ").append(current).append("\n\n");
                for (String note : notes.getOrDefault(current, List.of())) {
                    md.append("- ").append(note).append('\n');
                }
                md.append("\n| Scenario | Metric | Value | Unit |\n|---|---|---|---|\n");
            }
            md.append("| ").append(m.scenario()).append(" | ").append(m.metric()).append(" | ")
                    .append(format(m.value())).append(" | ").append(m.unit()).append(" |\n");
        }
        return md.toString();
    }

    /** A CSV field: quoted, inner quotes doubled (RFC 4180). */
    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }
}
