package io.metasystem.mlcore.store;

import io.metasystem.mlcore.config.InvalidConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A parsed {@code DATABASE_URL}: either a JDBC URL used as is, or the {@code postgres[ql]://user:pass@host:port/db}
 * form that Railway, Heroku and Render publish, turned into a JDBC URL plus credentials. {@link #toString()} never
 * shows the password.
 *
 * @param jdbcUrl  JDBC URL without credentials for the URI form
 * @param username nullable
 * @param password nullable
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {
    /**
     * Embedded default: an H2 file database under {@code ./data/}, created on first start.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the service closes it after a graceful shutdown, not H2's own shutdown hook
     * while requests still finish. {@code WRITE_DELAY=0}: every commit reaches the file before the answer, so a job,
     * import or recommendation that was answered survives a kill -9 (H2's default delays writes by 500 ms).
     */
    public static final String DEFAULT_H2 = "jdbc:h2:file:./data/mlcore;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE;"
            + "WRITE_DELAY=0";

    /**
     * @param value {@code DATABASE_URL}, nullable or blank for the embedded default
     * @throws InvalidConfigurationException naming {@code DATABASE_URL} when the value cannot be used
     */
    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            return new DatabaseUrl(DEFAULT_H2, "sa", "");
        }
        String url = value.strip();
        if (url.startsWith("jdbc:")) {
            try {
                DriverManager.getDriver(url);
            } catch (SQLException e) {
                throw invalid(url, "has no JDBC driver on the class path (expected jdbc:postgresql:// or jdbc:h2:)");
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return withoutQueryCredentials(url);
            }
            return new DatabaseUrl(
                    url, url.startsWith("jdbc:h2:") ? "sa" : null, url.startsWith("jdbc:h2:") ? "" : null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw invalid(url, "is not a valid URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw invalid(url, "has no host (expected postgresql://user:password@host:port/database)");
            }
            String path = uri.getRawPath();
            if (path == null || path.length() < 2) {
                throw invalid(url, "has no database name (expected postgresql://user:password@host:port/database)");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new DatabaseUrl(jdbc, user, password);
        }
        throw invalid(
                url, "must be a JDBC URL (jdbc:postgresql://host:port/db) or postgresql://user:password@host:port/db");
    }

    /** Moves {@code user=} and {@code password=} out of a PostgreSQL JDBC URL, so no log line can show them. */
    private static DatabaseUrl withoutQueryCredentials(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(url, null, null);
        }
        String user = null;
        String password = null;
        StringBuilder rest = new StringBuilder();
        for (String pair : url.substring(q + 1).split("&")) {
            String name = pair.split("=", 2)[0];
            String value = pair.contains("=") ? decode(pair.split("=", 2)[1]) : "";
            if (name.equals("user")) {
                user = value;
            } else if (name.equals("password")) {
                password = value;
            } else if (!pair.isEmpty()) {
                rest.append(rest.isEmpty() ? "?" : "&").append(pair);
            }
        }
        return new DatabaseUrl(url.substring(0, q) + rest, user, password);
    }

    /** True for PostgreSQL, false for H2 (the only two databases the migrations are tested on). */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password replaced by {@code ****}, safe for logs and error messages. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@").replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static InvalidConfigurationException invalid(String url, String why) {
        return new InvalidConfigurationException("DATABASE_URL", "='" + redact(url) + "' " + why);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + redact(jdbcUrl) + ", user=" + username + ", password="
                + (password == null ? "<none>" : "****") + "]";
    }
}
