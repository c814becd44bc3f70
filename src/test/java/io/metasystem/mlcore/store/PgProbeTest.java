package io.metasystem.mlcore.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

class PgProbeTest {
    @Test
    void starts() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (var c = pg.getPostgresDatabase().getConnection(); var rs = c.createStatement().executeQuery("select version()")) {
                rs.next();
                System.out.println("PGVERSION " + rs.getString(1));
            }
        }
    }
}
