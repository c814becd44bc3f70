package io.metasystem.mlcore.api;

import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: the whole HTTP optimize answer of a running jar against the engine call ({@link BudgetOptimizer})
 * in this JVM on the same inputs, alternately (HTTP, engine, HTTP, engine …) so both see the same machine load.
 * The engine's problem is built once from the same body with the API's own mapper and validation.
 *
 * <p>{@code java -cp <test classpath> io.metasystem.mlcore.api.HttpVsEngineMain URL API_KEY WARMUP ROUNDS BODY...}
 * prints, per body, the median wall time of the HTTP answer, the median wall and thread-CPU time of the engine
 * call, and the ratio HTTP / engine (of the medians, and the median of the per-round ratios); with {@code SERVER_PID}
 * set, also the server process's CPU time per answer (all its threads, from /proc) against the engine's thread CPU
 * time, the figure that holds on a shared machine where wall time mostly measures the competition for the cores.
 * bench/http-vs-engine.sh starts the jar and runs it.
 */
public final class HttpVsEngineMain {
    private HttpVsEngineMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        URI uri = URI.create(args[0] + "/api/v1/meta_ads/optimize");
        String key = args[1];
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        OptimizeMapper mapper = new OptimizeMapper(json);
        BudgetOptimizer engine = new BudgetOptimizer();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String serverPid = System.getenv("SERVER_PID");
        for (int b = 4; b < args.length; b++) {
            byte[] body = Files.readAllBytes(Path.of(args[b]));
            OptimizationProblem problem = mapper.toProblem(json.readValue(body, OptimizeRequest.class));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            double[] http = new double[rounds];
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            double[] ratio = new double[rounds];
            int answerBytes = 0;
            long serverCpu0 = 0;
            double engineCpuSum = 0;
            for (int i = -warmup; i < rounds; i++) {
                if (i == 0) {
                    serverCpu0 = processCpuTicks(serverPid);
                }
                long t0 = System.nanoTime();
                HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + new String(answer.body()));
                }
                answerBytes = answer.body().length;
                long c2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                if (engine.optimize(problem).adSets().size() != problem.adSets().size()) {
                    throw new IllegalStateException("engine answer without every ad set");
                }
                long t3 = System.nanoTime();
                long c3 = threads.getCurrentThreadCpuTime();
                if (i >= 0) {
                    http[i] = (t1 - t0) / 1e6;
                    wall[i] = (t3 - t2) / 1e6;
                    cpu[i] = (c3 - c2) / 1e6;
                    ratio[i] = http[i] / wall[i];
                    engineCpuSum += cpu[i];
                }
            }
            String server = "";
            if (serverPid != null) {
                double perAnswer = (processCpuTicks(serverPid) - serverCpu0) * 10.0 / rounds;
                server = String.format(
                        Locale.ROOT,
                        "; server process CPU %.2f ms per answer (all its threads, /proc ticks), "
                                + "engine CPU mean %.2f ms: CPU ratio %.2f",
                        perAnswer,
                        engineCpuSum / rounds,
                        perAnswer / (engineCpuSum / rounds));
            }
            double h = median(http);
            double w = median(wall);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d ad sets, body %d B, answer %d B, %d rounds: HTTP median %.2f ms (min %.2f), "
                            + "engine median %.2f ms wall (min %.2f), %.2f ms CPU; HTTP/engine %.2f "
                            + "(median of per-round ratios %.2f)%s%n",
                    Path.of(args[b]).getFileName(),
                    problem.adSets().size(),
                    body.length,
                    answerBytes,
                    rounds,
                    h,
                    min(http),
                    w,
                    min(wall),
                    median(cpu),
                    h / w,
                    median(ratio),
                    server);
        }
    }

    /** utime + stime of a process in clock ticks (USER_HZ, 100 per second on Linux). */
    private static long processCpuTicks(String pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
