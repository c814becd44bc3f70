package io.metasystem.mlcore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/** Command-line entry point for offline jobs; {@code java -jar ml-core.jar backtest --help}. */
@Command(
        name = "ml-core",
        mixinStandardHelpOptions = true,
        subcommands = {
            BacktestCommand.class,
            TrainCommand.class,
            ColdStartCommand.class,
            AlertBenchCommand.class,
            AttributionBenchCommand.class,
            H2BackupCommand.Backup.class,
            H2BackupCommand.Restore.class
        },
        description = "ML Core offline commands.")
public final class MlCoreCli {
    private static final Set<String> SUBCOMMANDS =
            Set.of("backtest", "train", "coldstart", "alertbench", "attributionbench", "backup", "restore");

    /** True when {@code args[0]} names a subcommand of this CLI (otherwise the HTTP service starts). */
    public static boolean handles(String[] args) {
        return args != null && args.length > 0 && SUBCOMMANDS.contains(args[0]);
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args) {
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new MlCoreCli()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
