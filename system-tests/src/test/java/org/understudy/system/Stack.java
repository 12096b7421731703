package org.understudy.system;

import org.understudy.infra.Postgres;
import org.understudy.infra.TestInfrastructure;
import org.understudy.infra.security.AdminTokenFilter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for one test JVM: the broker and PostgreSQL of {@link TestInfrastructure},
 * a fresh database per service, and the three packaged services as processes on free ports.
 */
final class Stack implements AutoCloseable {
    private static Stack shared;

    final TestInfrastructure infra;
    final ServiceProcess vacancy;
    final ServiceProcess candidate;
    final ServiceProcess succession;
    private final List<ServiceProcess> all;
    private final Map<String, String> databases;

    private Stack(TestInfrastructure infra, ServiceProcess vacancy, ServiceProcess candidate, ServiceProcess succession,
                  Map<String, String> databases) {
        this.infra = infra;
        this.vacancy = vacancy;
        this.candidate = candidate;
        this.succession = succession;
        this.all = List.of(vacancy, candidate, succession);
        this.databases = Map.copyOf(databases);
    }

    static synchronized Stack shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (Exception e) {
                    System.err.println("stopping the stack: " + e.getMessage());
                }
            }));
        }
        return shared;
    }

    /** The name of a service's database (to look behind its API, as an auditor with database access would). */
    String database(String service) {
        return databases.get(service);
    }

    List<ServiceProcess> services() {
        return all;
    }

    private static Stack start() throws Exception {
        TestInfrastructure infra = TestInfrastructure.shared();
        Stack stack = start(infra, Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers()), "service-logs");
        SuccessionResponses.install(stack.succession.baseUrl());
        return stack;
    }

    /**
     * Three more services, with databases of their own on the shared PostgreSQL, using the Kafka
     * settings given (as environment variables, e.g. another broker that needs a sign-in). The caller
     * closes it.
     */
    static Stack startWithKafka(Map<String, String> kafka, String logFolder) throws Exception {
        return start(TestInfrastructure.shared(), kafka, logFolder);
    }

    private static Stack start(TestInfrastructure infra, Map<String, String> kafka, String logFolder) throws Exception {
        AdminTokenFilter.install();
        Path root = Path.of(System.getProperty("understudy.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/" + logFolder);
        Map<String, String> databases = new HashMap<>();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            int successionPort = org.understudy.infra.Ports.free();
            for (String name : List.of("vacancy-service", "candidate-service", "succession-service")) {
                Map<String, String> env = environment(infra, name, kafka, databases);
                if (name.equals("candidate-service")) {
                    // successor lists: who counts comes from succession-service (started next, on a port chosen now)
                    env.put("UNDERSTUDY_SUCCESSION_SERVICE_URL", "http://127.0.0.1:" + successionPort);
                }
                if (name.equals("succession-service")) {
                    // the reconciliation check reads the sources' exports (started above)
                    env.put("UNDERSTUDY_RECONCILIATION_VACANCY_SERVICE_URL", started.get(0).baseUrl());
                    env.put("UNDERSTUDY_RECONCILIATION_CANDIDATE_SERVICE_URL", started.get(1).baseUrl());
                }
                int port = name.equals("succession-service") ? successionPort : org.understudy.infra.Ports.free();
                started.add(ServiceProcess.start(root, name, port, env, logs));
            }
        } catch (Exception e) {
            for (ServiceProcess s : started) {
                s.close();
            }
            throw e;
        }
        return new Stack(infra, started.get(0), started.get(1), started.get(2), databases);
    }

    private static Map<String, String> environment(TestInfrastructure infra, String service, Map<String, String> kafka,
                                                   Map<String, String> databases) {
        Postgres pg = infra.postgres();
        String database = infra.createDatabase(service.replace("-service", ""));
        databases.put(service, database);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        if (!pg.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }
        env.putAll(kafka);
        // The services trust this JVM's test key; the tests sign real tokens with it.
        infra.jwtConfig().forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess s : all) {
            s.close();
        }
    }
}
