package org.understudy.infra;

import org.understudy.infra.security.SigningKeys;
import org.understudy.infra.security.TokenMinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real broker and PostgreSQL that tests run against, started once per test JVM and stopped
 * when it exits.
 *
 * <ul>
 *   <li>Kafka: {@code UNDERSTUDY_TEST_KAFKA_BOOTSTRAP} if set, else a broker started in this JVM
 *       on free ports (so that a running local stack is not disturbed).</li>
 *   <li>PostgreSQL: the server at {@code UNDERSTUDY_TEST_PG_HOST}:{@code UNDERSTUDY_TEST_PG_PORT}
 *       (default 127.0.0.1:5432, user {@code UNDERSTUDY_TEST_PG_USER}, default postgres) if it
 *       answers, else an embedded one on a free port.</li>
 * </ul>
 * Each caller gets databases of its own, named uniquely and dropped at exit.
 */
public final class TestInfrastructure {
    private static TestInfrastructure shared;

    private final KafkaBroker broker;
    private final String bootstrapServers;
    private final Postgres postgres;
    private final SigningKeys keys;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    private TestInfrastructure(KafkaBroker broker, String bootstrapServers, Postgres postgres, SigningKeys keys) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.keys = keys;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test infrastructure: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-infrastructure-shutdown"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** Mints real signed tokens that the services under test accept. */
    public TokenMinter tokens() {
        return new TokenMinter(keys);
    }

    /** The configuration that makes a service trust this JVM's test tokens. */
    public java.util.Map<String, String> jwtConfig() {
        return java.util.Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TokenMinter.LOCAL_ISSUER);
    }

    /** The in-JVM broker, or null when tests use an external one. */
    public KafkaBroker broker() {
        return broker;
    }

    /** Creates a fresh database whose name starts with the prefix; it is dropped at exit. */
    public String createDatabase(String prefix) {
        String name = "t_" + prefix.replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            postgres.ensureDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        databases.add(name);
        return name;
    }

    public void dropDatabase(String name) {
        try {
            postgres.dropDatabase(name);
            databases.remove(name);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static TestInfrastructure start() throws Exception {
        Path scratch = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "understudy-infra-");
        String external = System.getenv("UNDERSTUDY_TEST_KAFKA_BOOTSTRAP");
        KafkaBroker broker = null;
        String bootstrap = external;
        if (external == null || external.isBlank()) {
            broker = KafkaBroker.start("127.0.0.1", 0, 0, scratch.resolve("kafka"));
            bootstrap = broker.bootstrapServers();
        }
        return new TestInfrastructure(broker, bootstrap, postgres(scratch), SigningKeys.loadOrCreate(testKeyFolder(scratch)));
    }

    /**
     * The PostgreSQL tests use, alone (no broker): the server at {@code UNDERSTUDY_TEST_PG_HOST}:
     * {@code UNDERSTUDY_TEST_PG_PORT} if it answers, else an embedded one whose files go under
     * {@code scratch}. The caller closes it.
     */
    public static Postgres postgres(Path scratch) throws IOException {
        String host = env("UNDERSTUDY_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("UNDERSTUDY_TEST_PG_PORT", "5432"));
        Postgres pg = Postgres.existing(host, port, env("UNDERSTUDY_TEST_PG_USER", "postgres"), env("UNDERSTUDY_TEST_PG_PASSWORD", ""));
        if (pg == null) {
            System.err.println("No PostgreSQL answers at " + host + ":" + port + "; starting an embedded one");
            pg = Postgres.embedded(0, scratch.resolve("pg-data"), scratch.resolve("pg-work"));
        }
        return pg;
    }

    /** The system property naming this JVM's test key folder (JVM-wide, whichever class loader asks). */
    public static final String TEST_KEYS_PROPERTY = "understudy.test.keys";

    private static Path testKeyFolder(Path scratch) {
        String folder = System.getProperty(TEST_KEYS_PROPERTY);
        if (folder == null) {
            folder = scratch.resolve("keys").toString();
            System.setProperty(TEST_KEYS_PROPERTY, folder);
        }
        return Path.of(folder);
    }

    private void stop() {
        for (String db : Set.copyOf(databases)) {
            dropDatabase(db);
        }
        if (broker != null) {
            broker.close();
        }
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("stopping embedded PostgreSQL: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
