package io.metasystem.mlcore.faults;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import org.awaitility.Awaitility;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service as a separate JVM (the main classes and the runtime dependencies of this test run, without the test
 * classes and their {@code application.properties}), so a test can send it SIGTERM or SIGKILL and start it again on
 * the same working directory (its H2 file store under {@code ./data}) or {@code DATABASE_URL}. Ports come from
 * 18200-18299; the output goes to {@code service-<n>.log} in the working directory.
 */
final class ServiceProcess implements AutoCloseable {
    static final String KEY = HttpClientSupport.KEY;
    private static final int FIRST_PORT = 18200;
    private static final int LAST_PORT = 18299;
    private static int starts;

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service in {@code workDir} with {@code settings} ({@code name=value} properties, as command-line
     * arguments, over the defaults: a free port, {@link #KEY}, plain logs) and does not wait for it.
     */
    static ServiceProcess launch(Path workDir, Map<String, String> settings) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mlcore.port", Integer.toString(port));
        all.put("mlcore.api-key", KEY);
        all.put("logging.structured.format.console", "");
        all.put("mlcore.alerts.scan-after-import", "false");
        all.putAll(settings);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                runtimeClasspath(),
                MlCoreApplication.class.getName()));
        all.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log;
        synchronized (ServiceProcess.class) {
            log = workDir.resolve("service-" + (++starts) + ".log");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Nothing of the test JVM's environment that configures the service leaks into it.
        builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("META_"));
        try {
            return new ServiceProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #launch} and waits (at most 90 s) until {@code /health} answers 200. */
    static ServiceProcess start(Path workDir, Map<String, String> settings) {
        ServiceProcess service = launch(workDir, settings);
        try {
            service.awaitHealthy();
        } catch (RuntimeException | AssertionError e) {
            service.close();
            throw new AssertionError("the service did not start; its output:\n" + service.output(), e);
        }
        return service;
    }

    void awaitHealthy() {
        Awaitility.await("service on port " + port + " healthy")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the service exited with " + process.exitValue());
                    }
                    try {
                        return get("/health").statusCode() == 200;
                    } catch (UncheckedIOException e) {
                        return false;
                    }
                });
    }

    int port() {
        return port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", KEY);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return http;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends SIGTERM (a graceful stop: what a platform does before it replaces a replica). */
    void sigterm() {
        process.destroy();
    }

    /** Sends SIGKILL (kill -9: no shutdown hook, no graceful anything) and waits until the process is gone. */
    void kill9() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end and returns its exit code. */
    int waitForExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service did not exit within " + atMost + "; output:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The main classes and the dependency jars of this test run, without test classes. */
    static String runtimeClasspath() {
        String raw = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(raw.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .toList();
        if (entries.stream().noneMatch(entry -> Path.of(entry).endsWith("classes"))) {
            throw new IllegalStateException("no main classes on the class path: " + raw);
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    /** A port of 18200-18299 that nothing listens on now. */
    static synchronized int freePort() {
        for (int port = FIRST_PORT + (int) (ProcessHandle.current().pid() % 50); port <= LAST_PORT; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException e) {
                // taken: try the next
            }
        }
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException e) {
                // taken: try the next
            }
        }
        throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }
}
