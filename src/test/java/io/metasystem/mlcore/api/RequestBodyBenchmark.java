package io.metasystem.mlcore.api;

import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

/**
 * The parts of one stateless optimize request that do not need a server, on a body of {@code bench/make_body.py}
 * (issue 12, target 1: how far the HTTP answer can get to the engine call): tokenizing the body alone, SHA-256 of it,
 * reading it into {@link OptimizeRequest}, mapping and validating it, and the engine. Not a test (no {@code *Test}
 * name); run with {@code ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test} then {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * org.openjdk.jmh.Main RequestBodyBenchmark -p body=/tmp/tp-body-100.json -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RequestBodyBenchmark {
    /** A body file made with {@code python3 bench/make_body.py N > FILE}. */
    @Param({"/tmp/tp-body-100.json"})
    public String body;

    private byte[] bytes;
    private OptimizeRequest request;
    private OptimizationProblem problem;
    private final BudgetOptimizer optimizer = new BudgetOptimizer();
    /** The application's reading settings (application.yml: snake_case, unknown properties fail). */
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OptimizeMapper mapper;

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(Path.of(body));
        request = json.readValue(bytes, OptimizeRequest.class);
        mapper = new OptimizeMapper(json);
        problem = mapper.toProblem(request);
    }

    /** Every token of the body, numbers as doubles: what any JSON reader of this body must do at least. */
    @Benchmark
    public double tokenize() {
        double sum = 0;
        try (JsonParser p = json.createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    sum += p.getDoubleValue();
                }
            }
        }
        return sum;
    }

    @Benchmark
    public byte[] sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Benchmark
    public OptimizeRequest read() {
        return json.readValue(bytes, OptimizeRequest.class);
    }

    /** Validation and the optimizer's input records. */
    @Benchmark
    public OptimizationProblem toProblem() {
        return mapper.toProblem(request);
    }

    @Benchmark
    public OptimizationResult engine() {
        return optimizer.optimize(problem);
    }

    @Benchmark
    public void answerWritten(Blackhole hole) {
        hole.consume(json.writeValueAsBytes(mapper.toResponse(problem, optimizer.optimize(problem))));
    }
}
