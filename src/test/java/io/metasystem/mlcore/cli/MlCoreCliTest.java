package io.metasystem.mlcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void backtestPoolsSeedsOnTheHardMarketUnderAnImposedCapAndPairsTheOptimizer(@TempDir Path dir) throws Exception {
        int code = MlCoreCli.run(new String[] {
            "backtest",
            "--scenarios",
            "2",
            "--days",
            "4",
            "--seeds",
            "5-6",
            "--market",
            "hard",
            "--change-cap",
            "0.2",
            "--objective",
            "revenue",
            "--out",
            dir.toString()
        });
        assertThat(code).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(rows).hasSize(1 + 2 * 2 * 6);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.contains("/cap 20%/hard"));
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("Paired share differences")
                .contains("| thompson-shares | 4 |");
    }

    @Test
    void backtestRejectsAnUnknownMarketOrCap(@TempDir Path dir) {
        assertThat(MlCoreCli.run(new String[] {"backtest", "--market", "wild", "--out", dir.toString()}))
                .isEqualTo(2);
        assertThat(MlCoreCli.run(new String[] {"backtest", "--change-cap", "-1", "--out", dir.toString()}))
                .isEqualTo(2);
        assertThat(BacktestCommand.parseSeeds("1001-1004")).containsExactly(1001, 1002, 1003, 1004);
        assertThat(BacktestCommand.parseSeeds("1, 7")).containsExactly(1, 7);
    }
}
