package fr.guichet.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Processor seconds used so far, read from Linux's {@code /proc}: by one process, by this JVM, by every PostgreSQL
 * process, and by the whole machine (all cores, busy time). Two readings subtracted give what a phase cost.
 */
record CpuTimes(double server, double self, double postgresql, double machine) {

    private static final double TICKS = 100.0;

    /** Now, with {@code server} the process id of the server under test. */
    static CpuTimes now(long server) {
        return new CpuTimes(process(server), ManagementFactory.getPlatformMXBean(
                com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1e9, allPostgresql(), allCores());
    }

    /** What was used from {@code earlier} to this reading. */
    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(server - earlier.server, self - earlier.self, postgresql - earlier.postgresql,
                machine - earlier.machine);
    }

    /** User and system seconds of the process {@code pid}, or 0 when it is gone. */
    private static double process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The seconds of every live process named postgres (its backends, writers and checkpointer). */
    private static double allPostgresql() {
        Map<Long, Double> seconds = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        seconds.put(pid, process(pid));
                    }
                } catch (IOException | RuntimeException e) {
                    return;
                }
            });
        } catch (IOException e) {
            return 0;
        }
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Busy seconds of all cores: everything in the first line of /proc/stat but idle and iowait. */
    private static double allCores() {
        try {
            List<String> fields = List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"));
            long busy = 0;
            for (int i = 1; i < fields.size() && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields.get(i));
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
