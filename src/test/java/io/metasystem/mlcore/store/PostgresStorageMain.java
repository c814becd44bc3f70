package io.metasystem.mlcore.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Not a test: an embedded PostgreSQL (zonky, as the tests use) for bench/storage-postgres.sh. Prints the database's
 * JDBC URL, then answers each line {@code size} on standard input with {@code pg_total_relation_size} per table of the
 * public schema and their sum (table, indexes and TOAST), and stops at end of input.
 */
public final class PostgresStorageMain {
    private PostgresStorageMain() {}

    public static void main(String[] args) throws Exception {
        String url = EmbeddedPostgresSupport.jdbcUrl("storage");
        System.out.println("url " + url);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.strip().equals("size")) {
                size(url);
            }
        }
    }

    private static void size(String url) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' "
                        + "and c.relkind = 'r' order by 2 desc")) {
            long total = 0;
            StringBuilder top = new StringBuilder();
            int shown = 0;
            while (rows.next()) {
                total += rows.getLong(2);
                if (shown++ < 6) {
                    top.append(' ').append(rows.getString(1)).append('=').append(rows.getLong(2));
                }
            }
            System.out.println("total " + total + top);
            System.out.flush();
        }
    }
}
