package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Connections of the service's own, outside the pool, to the view's database (the datasource's URL and
 * credentials): for what holds a connection for as long as it runs (the writer's lock, the version
 * listener), which a pool would count as leaked.
 */
@ApplicationScoped
public class DirectConnections {
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String applicationName;

    public DirectConnections(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                             @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName;
    }

    /**
     * Opens a connection named for its purpose (PostgreSQL's application_name), in auto-commit. A dead
     * server or a cut connection ends a wait for an answer after {@code socketTimeout} instead of hanging.
     */
    public Connection open(String purpose, Duration socketTimeout) throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName + " " + purpose);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
        Connection c = DriverManager.getConnection(jdbcUrl, properties);
        c.setAutoCommit(true);
        return c;
    }
}
