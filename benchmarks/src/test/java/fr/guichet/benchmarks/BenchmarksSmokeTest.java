package fr.guichet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload for about a second at its smallest size (H2, and PostgreSQL when {@code guichet.databases}
 * names it) and checks only that each produced numbers without errors; timings are never asserted.
 */
class BenchmarksSmokeTest {

    @TempDir
    Path output;

    private RunSettings settings() {
        List<String> databases = Arrays.stream(System.getProperty("guichet.databases", "h2").split(","))
                .map(String::strip).filter(d -> d.equals("h2") || d.equals("postgresql")).toList();
        return RunSettings.smoke(databases.isEmpty() ? List.of("h2") : databases, output);
    }

    private static void assertMeasured(Results results, String workload) {
        List<Results.Measurement> numbers = results.measurements().stream()
                .filter(m -> m.workload().equals(workload)).toList();
        assertFalse(numbers.isEmpty(), workload + " measured nothing");
        assertTrue(numbers.stream().noneMatch(m -> Double.isNaN(m.value())), workload + " has NaN: " + numbers);
    }

    @Test
    void filing_through_the_core_and_its_plain_jdbc_baseline_both_produce_a_throughput() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("filing"));
        assertMeasured(results, FilingWorkload.NAME);
        assertTrue(results.measurements().stream().filter(m -> m.metric().equals("throughput"))
                .allMatch(m -> m.value() > 0));
    }

    @Test
    void both_lists_are_measured_on_bulk_loaded_requests() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("lists"));
        assertMeasured(results, QueryWorkload.NAME);
        assertTrue(results.measurements().stream().filter(m -> m.metric().equals("samples"))
                .allMatch(m -> m.value() > 0));
    }

    @Test
    void the_workbench_measures_each_call_and_its_raw_baseline_on_bulk_loaded_requests() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("workbench"));
        assertMeasured(results, WorkbenchWorkload.NAME);
        assertTrue(results.measurements().stream().filter(m -> m.metric().equals("samples"))
                .allMatch(m -> m.value() > 0));
        assertTrue(results.measurements().stream().filter(m -> m.metric().equals("share of requests matched"))
                .allMatch(m -> m.value() > 0), "a searched name or pair of words matches nothing");
        assertTrue(results.measurements().stream().filter(m -> m.metric().equals("H2 file reads per call"))
                .count() >= 15, "each call's reads of H2's file");
        assertTrue(results.measurements().stream().anyMatch(m -> m.metric().equals("H2 compaction")));
        assertTrue(results.measurements().stream().anyMatch(m -> m.metric().equals("p99 of calls that saw none")));
        assertTrue(results.checks().stream().anyMatch(c -> c.target().startsWith("h2, round 2, ")),
                results.checks().toString());
        assertTrue(Files.exists(output.resolve("explain-workbench-h2.txt")));
    }

    @Test
    void bulk_resolution_and_incident_resolution_queue_one_resolved_mail_per_request() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("incidents"));
        assertMeasured(results, IncidentWorkload.NAME);
        assertFalse(results.checks().isEmpty());
        assertTrue(results.checks().stream().allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void the_people_import_creates_then_leaves_unchanged_every_line_beside_its_plain_jdbc_baseline()
            throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("people-import"));
        assertMeasured(results, PeopleImportWorkload.NAME);
        assertFalse(results.checks().isEmpty());
        assertTrue(results.checks().stream().allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void the_anonymisation_anonymises_every_request_beside_its_plain_update_baseline() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("retention"));
        assertMeasured(results, RetentionWorkload.NAME);
        assertFalse(results.checks().isEmpty());
        assertTrue(results.checks().stream().allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void the_example_server_answers_the_mix_without_error_and_its_heap_is_measured() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("http"));
        assertMeasured(results, HttpWorkload.NAME);
        assertMeasured(results, HttpWorkload.HEAP);
        assertAll(results.measurements().stream().filter(m -> m.metric().equals("errors"))
                .map(m -> () -> assertEquals(0, m.value(), m.scenario() + ": " + results.checks())));
        assertTrue(results.checks().stream().filter(c -> c.workload().equals(HttpWorkload.HEAP))
                .allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void each_endpoint_is_served_beside_health_and_the_core_with_the_dispatchers_share() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("serving"));
        assertMeasured(results, ServingWorkload.NAME);
        assertAll(results.measurements().stream().filter(m -> m.metric().equals("errors"))
                .map(m -> () -> assertEquals(0, m.value(), m.scenario() + ": " + results.checks())));
        assertTrue(results.measurements().stream().anyMatch(m -> m.metric().equals("dispatcher CPU / server CPU")));
        assertTrue(results.checks().stream().allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void the_hand_written_figures_are_the_use_cases_and_the_csv_export_streams_every_request() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("figures"));
        assertMeasured(results, FiguresWorkload.NAME);
        List<Results.Check> kept = results.checks().stream().filter(c -> !c.target().contains("p99")).toList();
        assertTrue(kept.stream().anyMatch(c -> c.target().contains("raw figures give")), kept.toString());
        assertEquals(settings().databases().size(), kept.stream().filter(c -> c.target().contains("CSV export"))
                .count(), "an export checked on each database: " + kept);
        assertTrue(kept.stream().allMatch(Results.Check::met), kept.toString());
    }

    @Test
    void the_dispatcher_drains_every_queued_mail_to_greenmail() throws Exception {
        Results results = Benchmarks.run(settings(), Set.of("mail"));
        assertMeasured(results, MailWorkload.NAME);
        assertTrue(results.checks().stream().filter(c -> c.target().endsWith("none lost"))
                .allMatch(Results.Check::met), results.checks().toString());
    }

    @Test
    void results_are_written_as_csv_json_and_markdown() throws Exception {
        Results results = new Results();
        results.add("w", "s", "m", 1.5, "ms");
        results.check("w", "t", true, "d");
        results.write(output, Benchmarks.machine());
        assertTrue(Files.readString(output.resolve("results.csv")).contains("\"w\",\"s\",\"m\",1.500,\"ms\""));
        assertTrue(Files.readString(output.resolve("results.json")).contains("\"metric\" : \"m\""));
        assertTrue(Files.readString(output.resolve("summary.md")).contains("| s | m | 1.500 | ms |"));
    }
}
