package io.metasystem.mlcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartCommandTest {
    @Test
    void writesOneCsvLinePerScenarioAndPolicyAndASummary(@TempDir Path dir) throws Exception {
        int code = MlCoreCli.run(new String[] {
            "coldstart",
            "--scenarios",
            "3",
            "--days",
            "10",
            "--seed",
            "5",
            "--history-accounts",
            "20",
            "--models",
            "HIERARCHICAL",
            "--out",
            dir.toString()
        });
        assertThat(code).isZero();
        // optimizer, priors, wrong priors, clairvoyant
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 3 * 4);
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("priors:hierarchical_eb", "clairvoyant", "bootstrap 95 %");
    }

    @Test
    void rejectsNonPositiveCounts(@TempDir Path dir) {
        assertThat(MlCoreCli.run(new String[] {"coldstart", "--scenarios", "0", "--out", dir.toString()}))
                .isEqualTo(2);
    }
}
