package org.understudy.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real broker and a fresh database of its own
 * (see {@link TestInfrastructure}). Init argument {@code service}: a short name for the database.
 */
public class UnderstudyTestResource implements QuarkusTestResourceLifecycleManager {
    private String service = "svc";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.shared();
        database = infra.createDatabase(service);
        Postgres pg = infra.postgres();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", pg.user());
        if (!pg.password().isEmpty()) {
            config.put("quarkus.datasource.password", pg.password());
        }
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.putAll(infra.jwtConfig());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            TestInfrastructure.shared().dropDatabase(database);
        }
    }
}
