package io.metasystem.mlcore.store;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding and decoding of the stored recommendation payload, version 1 against version 2, on the committed
 * 100-ad-set answer of {@code RecommendationPayloadTest} (a real optimize answer of {@code bench/make_body.py 100}).
 * Not a test (no {@code *Test} name); run with {@code ./mvnw -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test} then {@code java -cp
 * target/test-classes:target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main RecommendationPayloadBenchmark -f 1 -wi 5
 * -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecommendationPayloadBenchmark {
    private List<Recommendation.RecommendedAdSet> lines;
    private JsonNode response;
    private byte[] version1;
    private byte[] version2;

    @Setup
    public void setUp() {
        RecommendationPayload.Content content = RecommendationPayload.decode(
                RecommendationPayloadTest.resource(RecommendationPayloadTest.GOLDEN_V1 + ".bin"));
        lines = content.adSets();
        response = content.response();
        version1 = RecommendationPayload.encodeVersion1(lines, response);
        version2 = RecommendationPayload.encode(lines, response);
    }

    @Benchmark
    public byte[] encodeVersion1() {
        return RecommendationPayload.encodeVersion1(lines, response);
    }

    @Benchmark
    public byte[] encodeVersion2() {
        return RecommendationPayload.encode(lines, response);
    }

    @Benchmark
    public RecommendationPayload.Content decodeVersion1() {
        return RecommendationPayload.decode(version1);
    }

    @Benchmark
    public RecommendationPayload.Content decodeVersion2() {
        return RecommendationPayload.decode(version2);
    }
}
