package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.store.DatabaseUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

/**
 * {@code backup} and {@code restore} of the embedded H2 store (docs/store.md): a gzip-compressed SQL script written by
 * H2's {@code SCRIPT TO}, read back by {@code RUNSCRIPT FROM} into an empty database. Run them with the service
 * stopped (the H2 file is locked while it runs). PostgreSQL is backed up with {@code pg_dump}/{@code pg_restore}.
 */
final class H2BackupCommand {
    private H2BackupCommand() {}

    /** Refuses what is not an H2 URL, naming the PostgreSQL tools instead. */
    static String h2Url(String url, PrintWriter err) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            err.println("only the embedded H2 store is backed up by this command; for PostgreSQL use pg_dump -Fc and "
                    + "pg_restore (docs/store.md)");
            return null;
        }
        return url;
    }

    /** A script file path as an SQL string literal. */
    static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** What both commands share: the {@code --url} option, its H2 check and the exit codes (0 done, 2 refused). */
    abstract static class StoreCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", description = "JDBC URL of the store (default: the embedded ./data/mlcore)")
        String url = DatabaseUrl.DEFAULT_H2;

        @Override
        public final Integer call() throws SQLException {
            PrintWriter err = spec.commandLine().getErr();
            String jdbc = h2Url(url, err);
            if (jdbc == null) {
                return 2;
            }
            String refusal = run(jdbc);
            if (refusal != null) {
                err.println(refusal);
                return 2;
            }
            return 0;
        }

        /**
         * @param jdbc the H2 JDBC URL
         * @return {@code null} when done, otherwise why the command refused
         * @throws SQLException when H2 fails
         */
        abstract String run(String jdbc) throws SQLException;
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Writes the embedded H2 store to a gzip SQL script (stop the service first; docs/store.md).")
    static final class Backup extends StoreCommand {
        @Option(names = "--to", required = true, description = "script file to write, e.g. backup-2026-12-02.sql.gz")
        Path to;

        @Override
        String run(String jdbc) throws SQLException {
            if (Files.exists(to)) {
                return to + " exists; choose a new file";
            }
            try (Connection c = DriverManager.getConnection(jdbc + ";IFEXISTS=TRUE", "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SCRIPT TO " + literal(to) + " COMPRESSION GZIP");
            }
            spec.commandLine().getOut().println("backup written to " + to);
            return null;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restores a backup script into an EMPTY embedded H2 store (docs/store.md).")
    static final class Restore extends StoreCommand {
        @Option(names = "--from", required = true, description = "script file written by backup")
        Path from;

        @Override
        String run(String jdbc) throws SQLException {
            if (!Files.isRegularFile(from)) {
                return "no backup file " + from;
            }
            try (Connection c = DriverManager.getConnection(jdbc, "sa", "");
                    Statement s = c.createStatement()) {
                try (ResultSet tables = s.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
                    tables.next();
                    if (tables.getLong(1) > 0) {
                        return "the target store is not empty; restore into a new --url (or move ./data away)";
                    }
                }
                s.execute("RUNSCRIPT FROM " + literal(from) + " COMPRESSION GZIP");
            }
            spec.commandLine().getOut().println("restored " + from);
            return null;
        }
    }
}
