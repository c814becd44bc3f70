package io.metasystem.mlcore.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: an embedded PostgreSQL (zonky, as the tests use) for bench/storage-postgres.sh. Prints the database's
 * JDBC URL, then answers each line {@code size} on standard input with two lines: {@code total} (the sum of
 * {@code pg_total_relation_size} over the tables of the public schema, i.e. table, indexes and TOAST, then
 * {@code name=size} per table) and {@code columns} ({@code table.column=sum of pg_column_size} for the recommendation
 * and outbox tables); stops at end of input.
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

    /** Tables whose columns are listed one by one after the relation sizes. */
    private static final List<String> COLUMN_TABLES =
            List.of("recommendation", "recommendation_adset", "webhook_outbox");

    private static void size(String url) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var statement = connection.createStatement()) {
            long total = 0;
            StringBuilder relations = new StringBuilder();
            try (var rows = statement.executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' "
                    + "and c.relkind = 'r' order by 2 desc")) {
                while (rows.next()) {
                    total += rows.getLong(2);
                    relations.append(' ').append(rows.getString(1)).append('=').append(rows.getLong(2));
                }
            }
            System.out.println("total " + total + relations);
            StringBuilder columns = new StringBuilder();
            for (String table : COLUMN_TABLES) {
                List<String> names = new ArrayList<>();
                try (var rows = statement.executeQuery("select column_name from information_schema.columns "
                        + "where table_schema = 'public' and table_name = '" + table + "' order by ordinal_position")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String column : names) {
                    try (var rows = statement.executeQuery(
                            "select coalesce(sum(pg_column_size(" + column + ")), 0) from " + table)) {
                        rows.next();
                        columns.append(' ')
                                .append(table)
                                .append('.')
                                .append(column)
                                .append('=')
                                .append(rows.getLong(1));
                    }
                }
            }
            System.out.println("columns" + columns);
            System.out.flush();
        }
    }
}
