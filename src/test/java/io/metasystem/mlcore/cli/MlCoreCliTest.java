package io.metasystem.mlcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MlCoreCliTest {
    @Test
    void handlesOnlyKnownSubcommands() {
        assertThat(MlCoreCli.handles(new String[] {"backtest", "--scenarios", "2"}))
                .isTrue();
        assertThat(MlCoreCli.handles(new String[] {"coldstart"})).isTrue();
        assertThat(MlCoreCli.handles(new String[] {"--server.port=8080"})).isFalse();
        assertThat(MlCoreCli.handles(new String[0])).isFalse();
    }

    @Test
    void backtestWritesCsvSummaryAndPlot(@TempDir Path dir) throws Exception {
        int code = MlCoreCli.run(new String[] {
            "backtest", "--scenarios", "2", "--days", "5", "--seed", "3", "--no-optimizer", "--out", dir.toString()
        });
        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 2 * 5);
        assertThat(Files.size(dir.resolve("cumulative.png"))).isPositive();
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("clairvoyant");
    }
}
