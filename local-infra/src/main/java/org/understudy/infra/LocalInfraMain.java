package org.understudy.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack's infrastructure, one process each (used by {@code deploy/local/up}).
 *
 * <pre>
 * kafka    --host H --port P --controller-port C --dir D [--topics a,b --partitions N]
 *     runs a broker until the process is stopped, creating the named topics if missing
 * postgres --host H --port P --user U --dir D --databases a,b,c [--fresh true]
 *     if a server answers at H:P, creates the databases there (dropping them first with --fresh) and
 *     exits 0 ("external");
 *     otherwise starts an embedded PostgreSQL on P with its data in D, creates the databases,
 *     and runs until the process is stopped
 * </pre>
 */
public final class LocalInfraMain {
    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LocalInfraMain kafka|postgres [--option value ...]");
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.asList(args).subList(1, args.length));
        switch (args[0]) {
            case "kafka" -> runKafka(options);
            case "postgres" -> runPostgres(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void runKafka(Map<String, String> o) throws Exception {
        KafkaBroker broker = KafkaBroker.start(o.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(o.getOrDefault("port", "9092")),
                Integer.parseInt(o.getOrDefault("controller-port", "9093")),
                Path.of(required(o, "dir")));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        List<String> topics = Arrays.stream(o.getOrDefault("topics", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        broker.createTopics(topics, Integer.parseInt(o.getOrDefault("partitions", "3")));
        System.out.println("READY kafka " + broker.bootstrapServers());
        broker.awaitShutdown();
    }

    private static void runPostgres(Map<String, String> o) throws Exception {
        String host = o.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(o.getOrDefault("port", "5432"));
        List<String> databases = Arrays.stream(o.getOrDefault("databases", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        Postgres existing = Postgres.existing(host, port, o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
        if (existing != null) {
            boolean fresh = Boolean.parseBoolean(o.getOrDefault("fresh", "false"));
            for (String db : databases) {
                if (fresh) {
                    existing.dropDatabase(db); // the rest of the local state (topics) is wiped too: start empty
                }
                existing.ensureDatabase(db);
            }
            System.out.println("EXTERNAL postgres " + host + ":" + port + " databases " + databases);
            return;
        }
        Path dir = Path.of(required(o, "dir"));
        Postgres embedded = Postgres.embedded(port, dir.resolve("data"), dir.resolve("work"));
        for (String db : databases) {
            embedded.ensureDatabase(db);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println("READY postgres 127.0.0.1:" + embedded.port() + " (embedded) databases " + databases);
        stopped.await();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args.get(i));
            }
            out.put(args.get(i).substring(2), args.get(i + 1));
        }
        return out;
    }
}
