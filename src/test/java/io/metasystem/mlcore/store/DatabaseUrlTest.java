package io.metasystem.mlcore.store;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseUrlTest {

    @Test
    void unsetMeansTheEmbeddedH2FileDatabase() {
        DatabaseUrl url = DatabaseUrl.parse(null);
        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:./data/mlcore;MODE=PostgreSQL");
        assertThat(url.isPostgres()).isFalse();
    }

    @Test
    void acceptsRailwaysPostgresqlUrlWithCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://postgres:s3cr%40t@containers.railway.app:6543/railway?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://containers.railway.app:6543/railway?sslmode=require");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.isPostgres()).isTrue();
        assertThat(url.toString()).doesNotContain("s3cr");
    }

    @Test
    void acceptsJdbcUrlsAsTheyAre() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/mlcore?user=a&password=b%26c&sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/mlcore?sslmode=require");
        assertThat(url.username()).isEqualTo("a");
        assertThat(url.password()).isEqualTo("b&c");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x").jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void malformedUrlsNameTheVariableWithoutThePassword() {
        for (String bad : new String[] {
            "mysql://u:hunter2@h/db",
            "postgresql://u:hunter2@/db",
            "postgresql://u:hunter2@h",
            "jdbc:nosuchdb://u:hunter2@h/db",
            "postgresql://u:hunter2@h:notaport/db"
        }) {
            InvalidConfigurationException e =
                    catchThrowableOfType(InvalidConfigurationException.class, () -> DatabaseUrl.parse(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.variable()).isEqualTo("DATABASE_URL");
            assertThat(e.getMessage()).startsWith("DATABASE_URL").doesNotContain("hunter2");
        }
    }

    @Test
    void redactsPasswordsInQueryStringsToo() {
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?user=a&password=hunter2"))
                .doesNotContain("hunter2");
    }
}
