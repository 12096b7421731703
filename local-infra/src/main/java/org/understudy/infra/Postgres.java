package org.understudy.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to put the services' databases in: the one that answers at the configured
 * address, or else an embedded PostgreSQL started from binaries on the classpath.
 */
public final class Postgres implements AutoCloseable {
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Uses the server at host:port if one answers as this user; null otherwise. */
    public static Postgres existing(String host, int port, String user, String password) {
        if (!Ports.answers(host, port)) {
            return null;
        }
        Postgres candidate = new Postgres(host, port, user, password, null);
        try (Connection ignored = candidate.connect("postgres")) {
            return candidate;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Starts an embedded PostgreSQL (user {@code postgres}, trust authentication) keeping its data
     * in dataDir, which survives a restart.
     *
     * @param port 0 picks a free port
     */
    public static Postgres embedded(int port, Path dataDir, Path workDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port == 0 ? Ports.free() : port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        return new Postgres("127.0.0.1", pg.getPort(), "postgres", "", pg);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) throws SQLException {
        requireSafeName(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            try {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by someone else: fine
                    throw e;
                }
            }
        }
    }

    /** Drops the database, closing any session still connected to it. */
    public void dropDatabase(String name) throws SQLException {
        requireSafeName(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void requireSafeName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }
}
