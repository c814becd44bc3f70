package io.metasystem.mlcore.cli;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class H2BackupCommandTest {
    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static List<String> accounts(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, name, currency from ad_account order by id")) {
            while (r.next()) {
                out.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
            }
        }
        return out;
    }

    @Test
    void aBackupOfTheMigratedStoreRestoresIntoAnEmptyOneWithEveryRowAndTheSchemaHistory(@TempDir Path dir)
            throws Exception {
        String source = "jdbc:h2:file:" + dir.resolve("source/mlcore") + OPTIONS;
        Flyway.configure()
                .dataSource(source, "sa", "")
                .placeholders(Map.of("json_type", "json"))
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(source, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("insert into ad_account (id, name, currency, created_at, updated_at) values "
                    + "('1234567890', 'Label ''Sur''', 'EUR', now(), now()), ('42', null, 'USD', now(), now())");
        }
        Path backup = dir.resolve("backup.sql.gz");

        assertThat(MlCoreCli.run(new String[] {"backup", "--to", backup.toString(), "--url", source}))
                .isZero();
        assertThat(backup).isRegularFile();
        assertThat(Files.size(backup)).isPositive();
        assertThat(MlCoreCli.run(new String[] {"backup", "--to", backup.toString(), "--url", source}))
                .as("an existing file is never overwritten")
                .isEqualTo(2);

        String target = "jdbc:h2:file:" + dir.resolve("restored/mlcore") + OPTIONS;
        assertThat(MlCoreCli.run(new String[] {"restore", "--from", backup.toString(), "--url", target}))
                .isZero();
        assertThat(accounts(target)).containsExactly("1234567890|Label 'Sur'|EUR", "42|null|USD");
        int migrations = Flyway.configure()
                .dataSource(target, "sa", "")
                .placeholders(Map.of("json_type", "json"))
                .load()
                .info()
                .applied()
                .length;
        assertThat(migrations).isGreaterThan(10);
        assertThat(MlCoreCli.run(new String[] {"restore", "--from", backup.toString(), "--url", target}))
                .as("a store that is not empty is never overwritten")
                .isEqualTo(2);
        assertThat(MlCoreCli.run(new String[] {
                    "backup", "--to", dir.resolve("pg.sql").toString(), "--url", "jdbc:postgresql://localhost/db"
                }))
                .isEqualTo(2);
    }
}
