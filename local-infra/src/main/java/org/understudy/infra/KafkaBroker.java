package org.understudy.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in
 * this JVM. Its log directory is formatted on first start and reused after that, so topics and
 * offsets survive a restart.
 *
 * <p>It must run at exactly the kafka-clients version on the classpath (the Quarkus BOM's); the
 * local stack runs it in a JVM of its own through {@link LocalInfraMain}.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CONTROLLER = "CONTROLLER";
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Formats the log directory if needed, starts the broker and waits until it answers.
     *
     * @param host           address to listen on and advertise
     * @param port           client port (0 picks a free one)
     * @param controllerPort controller port (0 picks a free one)
     * @param logDir         where the broker keeps its data
     */
    public static KafkaBroker start(String host, int port, int controllerPort, Path logDir) throws Exception {
        int[] spare = Ports.free(2); // distinct, so that the two listeners never share a port
        int clientPort = port == 0 ? spare[0] : port;
        int quorumPort = controllerPort == 0 ? spare[1] : controllerPort;
        Files.createDirectories(logDir);
        Properties props = properties(host, clientPort, quorumPort, logDir);
        KafkaConfig config = new KafkaConfig(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, host + ":" + clientPort, logDir);
        broker.awaitReady(Duration.ofSeconds(60));
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Topic settings that keep every event: no deletion by age or by size. The event topics must keep
     * everything, for the views, their history and every consumer's known state are rebuilt from the
     * first offset.
     */
    public static final Map<String, String> KEEP_EVERY_EVENT = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    /**
     * Creates the topics that do not exist yet, each with the given number of partitions, keeping every
     * event; a topic that exists already is set to keep every event too (a stack made before it did).
     */
    public void createTopics(Collection<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(KEEP_EVERY_EVENT))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            Map<ConfigResource, Collection<AlterConfigOp>> keep =
                    new HashMap<>();
            topics.stream().filter(existing::contains).forEach(t -> keep.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, t),
                    KEEP_EVERY_EVENT.entrySet().stream().map(e -> new AlterConfigOp(
                            new ConfigEntry(e.getKey(), e.getValue()),
                            AlterConfigOp.OpType.SET)).toList()));
            if (!keep.isEmpty()) {
                admin.incrementalAlterConfigs(keep).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The SCRAM mechanism of {@link #startWithScram}'s listener. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";

    /**
     * A broker whose clients must sign in: besides its plain listener ({@link #bootstrapServers()}, for
     * setting it up), a SASL listener taking SCRAM-SHA-256 and one user, returned as the client settings
     * a service needs ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config}).
     */
    public static Map.Entry<KafkaBroker, Map<String, String>> startWithScram(Path logDir, String user, String password) throws Exception {
        String host = "127.0.0.1";
        int[] ports = Ports.free(3);
        Files.createDirectories(logDir);
        Properties props = properties(host, ports[0], ports[1], logDir);
        String secured = host + ":" + ports[2];
        props.put("listeners", props.get("listeners") + ",SASL_PLAINTEXT://" + secured);
        props.put("advertised.listeners", props.get("advertised.listeners") + ",SASL_PLAINTEXT://" + secured);
        props.put("listener.security.protocol.map", props.get("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
        props.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, host + ":" + ports[0], logDir);
        broker.awaitReady(Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> client = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secured,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
        awaitSignIn(client, Duration.ofSeconds(30));
        return Map.entry(broker, client);
    }

    /** Waits until a client with these settings signs in (a new SCRAM user takes a moment to reach the listener). */
    private static void awaitSignIn(Map<String, String> client, Duration timeout) throws Exception {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(settings)) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no client could sign in to " + client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), last);
    }

    /** Blocks until the broker has shut down (for a process that only runs the broker). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(100);
                }
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not become ready", last);
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static Properties properties(String host, int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB dedupe buffer would not fit the small heap the broker runs in.
        p.put("log.cleaner.dedupe.buffer.size", "8388608");
        p.put("auto.create.topics.enable", "true");
        // Topics keep every event unless told otherwise (Kafka's default deletes them after a week).
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        return p;
    }
}
