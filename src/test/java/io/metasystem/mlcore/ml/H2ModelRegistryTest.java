package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.SqlDialect;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

class H2ModelRegistryTest extends ModelRegistryContract {
    @Override
    DataSource freshDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.H2;
    }
}
