package fr.guichet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in its own JVM on this run's class path, with {@code -Xmx256m} and a GC log: its peak heap is the largest
 * heap occupancy the log shows before a collection, or the occupancy {@code jcmd GC.heap_info} shows at the end.
 */
final class ChildJvm implements AutoCloseable {

    static final String MAX_HEAP = "-Xmx256m";
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path folder;
    private final int port;

    private ChildJvm(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts {@code mainClass} with {@code args} and {@code env} added, logging into {@code folder}. */
    static ChildJvm start(String name, String mainClass, List<String> args, Map<String, String> env, Path folder,
            int port) throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), MAX_HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + folder.resolve(name + "-gc.log"), "-cp", absoluteClassPath(),
                mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        ChildJvm child = new ChildJvm(builder.start(), folder.resolve(name + "-gc.log"), port);
        child.awaitReady();
        return child;
    }

    /** This JVM's class path with absolute entries, since the child runs in another directory. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see "
                        + folder.getParent());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base().resolve("/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("the server did not get ready within 90 s");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The heap in use now, in MiB, by {@code jcmd <pid> GC.heap_info}; NaN when jcmd cannot tell. */
    double heapInUseMib() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Matcher m = USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** From the GC log: {peak occupancy before a collection, largest occupancy after one, collections}, in MiB. */
    double[] gcLog() {
        try {
            double before = 0;
            double after = 0;
            int collections = 0;
            for (String line : Files.readAllLines(folder)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    collections++;
                    before = Math.max(before, Double.parseDouble(m.group(1)));
                    after = Math.max(after, Double.parseDouble(m.group(2)));
                }
            }
            return new double[] {before, after, collections};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server's own log reports no OutOfMemoryError. */
    boolean noOutOfMemory() {
        try {
            return !Files.readString(folder.resolveSibling(folder.getFileName().toString()
                    .replace("-gc.log", ".log"))).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
