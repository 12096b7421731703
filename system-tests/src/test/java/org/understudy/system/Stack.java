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
    private static final Map<String, String> DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    private Stack(TestInfrastructure infra, ServiceProcess vacancy, ServiceProcess candidate, ServiceProcess succession) {
        this.infra = infra;
        this.vacancy = vacancy;
        this.candidate = candidate;
        this.succession = succession;
        this.all = List.of(vacancy, candidate, succession);
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
        return DATABASES.get(service);
    }

    List<ServiceProcess> services() {
        return all;
    }

    private static Stack start() throws Exception {
        TestInfrastructure infra = TestInfrastructure.shared();
        AdminTokenFilter.install();
        Path root = Path.of(System.getProperty("understudy.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/service-logs");
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String name : List.of("vacancy-service", "candidate-service", "succession-service")) {
                Map<String, String> env = environment(infra, name);
                if (name.equals("succession-service")) {
                    // the reconciliation check reads the sources' exports (started above)
                    env.put("UNDERSTUDY_RECONCILIATION_VACANCY_SERVICE_URL", started.get(0).baseUrl());
                    env.put("UNDERSTUDY_RECONCILIATION_CANDIDATE_SERVICE_URL", started.get(1).baseUrl());
                }
                started.add(ServiceProcess.start(root, name, org.understudy.infra.Ports.free(), env, logs));
            }
        } catch (Exception e) {
            for (ServiceProcess s : started) {
                s.close();
            }
            throw e;
        }
        SuccessionResponses.install(started.get(2).baseUrl());
        return new Stack(infra, started.get(0), started.get(1), started.get(2));
    }

    private static Map<String, String> environment(TestInfrastructure infra, String service) {
        Postgres pg = infra.postgres();
        String database = infra.createDatabase(service.replace("-service", ""));
        DATABASES.put(service, database);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        if (!pg.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
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
