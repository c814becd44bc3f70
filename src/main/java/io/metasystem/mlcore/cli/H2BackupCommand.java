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

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Writes the embedded H2 store to a gzip SQL script (stop the service first; docs/store.md).")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, description = "script file to write, e.g. backup-2026-12-02.sql.gz")
        Path to;

        @Option(names = "--url", description = "JDBC URL of the store (default: the embedded ./data/mlcore)")
        String url = DatabaseUrl.DEFAULT_H2;

        @Override
        public Integer call() throws SQLException {
            PrintWriter err = spec.commandLine().getErr();
            String jdbc = h2Url(url, err);
            if (jdbc == null) {
                return 2;
            }
            if (Files.exists(to)) {
                err.println(to + " exists; choose a new file");
                return 2;
            }
            try (Connection c = DriverManager.getConnection(jdbc + ";IFEXISTS=TRUE", "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SCRIPT TO '" + to.toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION GZIP");
            }
            spec.commandLine().getOut().println("backup written to " + to);
            return 0;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restores a backup script into an EMPTY embedded H2 store (docs/store.md).")
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, description = "script file written by backup")
        Path from;

        @Option(names = "--url", description = "JDBC URL of the empty store to fill (default: ./data/mlcore)")
        String url = DatabaseUrl.DEFAULT_H2;

        @Override
        public Integer call() throws SQLException {
            PrintWriter err = spec.commandLine().getErr();
            String jdbc = h2Url(url, err);
            if (jdbc == null) {
                return 2;
            }
            if (!Files.isRegularFile(from)) {
                err.println("no backup file " + from);
                return 2;
            }
            try (Connection c = DriverManager.getConnection(jdbc, "sa", "");
                    Statement s = c.createStatement()) {
                try (ResultSet tables = s.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
                    tables.next();
                    if (tables.getLong(1) > 0) {
                        err.println("the target store is not empty; restore into a new --url (or move ./data away)");
                        return 2;
                    }
                }
                s.execute("RUNSCRIPT FROM '" + from.toAbsolutePath().toString().replace("'", "''")
                        + "' COMPRESSION GZIP");
            }
            spec.commandLine().getOut().println("restored " + from);
            return 0;
        }
    }
}
