package org.understudy.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.understudy.deploy.model.CloudNativePg;
import org.understudy.deploy.model.Kustomize;
import org.understudy.events.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes deployment, checked offline: every manifest under deploy/k8s, the ones the build
 * generated for each service included, read into its kind's typed model with no unknown field and no
 * required one missing, and the rules the deployment must keep.
 */
class KubernetesManifestsTest {
    private static DeploymentFiles deployment;

    @BeforeAll
    static void read() {
        for (Topics.Access service : Topics.Access.values()) {
            assertTrue(Files.isRegularFile(DeploymentFiles.generated(service.service())),
                    "no manifests generated for " + service.service() + " at " + DeploymentFiles.generated(service.service())
                            + ": package the services first (./mvnw -B package -DskipTests)");
        }
        deployment = DeploymentFiles.read();
    }

    @Test
    void everyManifestMatchesItsKindsModel() {
        assertEquals(List.of(), deployment.problems);
        assertTrue(deployment.manifests.size() > 30, "read only " + deployment.manifests.size() + " manifests");
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void theBuildGeneratesEachServicesDeploymentServiceAndServiceMonitor(Topics.Access service) throws IOException {
        ManifestCheck.Checked generated = ManifestCheck.file(DeploymentFiles.generated(service.service()), DeploymentFiles.K8S);
        assertEquals(List.of(), generated.problems());
        assertEquals(Set.of("Deployment", "Service", "ServiceMonitor"),
                generated.manifests().stream().map(ManifestCheck.Manifest::kind).collect(Collectors.toSet()));
        generated.manifests().forEach(m -> assertEquals(service.service(), m.name(), m.toString()));
    }

    @Test
    void everyTopicTheServicesUseHasAKafkaTopicKeepingEveryEventOnThreeBrokers() {
        Map<String, KafkaTopic> topics = deployment.ofKind("KafkaTopic").stream().map(m -> m.as(KafkaTopic.class))
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName(), t -> t));
        Set<String> used = new TreeSet<>();
        for (Topics.Access service : Topics.Access.values()) {
            used.addAll(service.reads());
            used.addAll(service.writes());
        }
        assertEquals(used, topics.keySet(), "a KafkaTopic for every topic the services write or read, and no other");
        topics.forEach((name, topic) -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            assertEquals("-1", String.valueOf(config.get("retention.ms")), name + " retention.ms");
            assertEquals("-1", String.valueOf(config.get("retention.bytes")), name + " retention.bytes");
            assertEquals("delete", String.valueOf(config.get("cleanup.policy")), name + " is never compacted");
            assertEquals(3, topic.getSpec().getReplicas(), name + " replicas");
            assertEquals("2", String.valueOf(config.get("min.insync.replicas")), name + " min.insync.replicas");
            assertNotNull(topic.getSpec().getPartitions(), name + " partitions");
        });
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void eachServicesKafkaUserMayDoExactlyWhatTheServiceDoes(Topics.Access service) {
        KafkaUser user = deployment.ofKind("KafkaUser").stream().map(m -> m.as(KafkaUser.class))
                .filter(u -> u.getMetadata().getName().equals(service.service())).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + service.service()));
        assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType());
        Set<String> granted = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = "topic " + topic.getName() + " " + topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = "group " + group.getName() + " " + group.getPatternType();
            } else {
                resource = rule.getResource().getType();
            }
            rule.getOperations().forEach(operation -> granted.add(resource + " " + operation));
        }
        Set<String> expected = new TreeSet<>();
        for (String topic : service.writes()) {
            Stream.of("WRITE", "DESCRIBE").forEach(op -> expected.add("topic " + topic + " LITERAL " + op));
        }
        for (String topic : service.reads()) {
            Stream.of("READ", "DESCRIBE", "DESCRIBECONFIGS").forEach(op -> expected.add("topic " + topic + " LITERAL " + op));
        }
        for (String topic : service.readsBack()) {
            expected.add("topic " + topic + " LITERAL READ");
        }
        if (!service.reads().isEmpty()) {
            expected.add("group " + service.service() + " LITERAL READ");
        }
        assertEquals(expected, granted);
    }

    @Test
    void theKafkaClusterKeepsThreeCopiesAndSignsEveryClientIn() {
        Kafka kafka = deployment.ofKind("Kafka").get(0).as(Kafka.class);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals("3", String.valueOf(config.get("default.replication.factor")));
        assertEquals("2", String.valueOf(config.get("min.insync.replicas")));
        assertEquals("-1", String.valueOf(config.get("log.retention.ms")));
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType());
        kafka.getSpec().getKafka().getListeners().forEach(listener -> {
            assertTrue(listener.isTls(), listener.getName() + " uses TLS");
            assertEquals("scram-sha-512", listener.getAuth().getType(), listener.getName() + " signs clients in");
        });
        int brokers = deployment.ofKind("KafkaNodePool").stream().map(m -> m.as(KafkaNodePool.class))
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER)).mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertEquals(3, brokers);
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void everyServiceHasProbesRequestsAndLimitsAndRunsAsNonRoot(Topics.Access service) {
        PodSpec pod = deploymentOf(service).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertNotNull(container.getLivenessProbe(), "liveness probe");
        assertNotNull(container.getReadinessProbe(), "readiness probe");
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(Set.of("cpu", "memory"), container.getResources().getRequests().keySet());
        assertEquals(Set.of("cpu", "memory"), container.getResources().getLimits().keySet());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null), "/tmp is an emptyDir");
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")));
    }

    @Test
    void everyContainerGetsAReadOnlyRootFilesystem() {
        Kustomize.Kustomization base = kustomization("base");
        Kustomize.Patch patch = base.patches().stream().filter(p -> p.target() != null && "Deployment".equals(p.target().kind()))
                .findFirst().orElseThrow(() -> new AssertionError("no patch for every Deployment"));
        assertNull(patch.target().name(), "the patch targets every Deployment");
        List<Kustomize.JsonPatchOperation> operations = deployment.manifests.stream()
                .filter(m -> m.source().equals("base/" + patch.path())).findFirst().orElseThrow()
                .as(List.class).stream().map(Kustomize.JsonPatchOperation.class::cast).toList();
        Kustomize.JsonPatchOperation securityContext = operations.stream()
                .filter(op -> op.path().equals("/spec/template/spec/containers/0/securityContext")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, ((Map<?, ?>) securityContext.value()).get("readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) securityContext.value()).get("allowPrivilegeEscalation"));
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void everyServiceSignsInWithTheSecretsTheOperatorsCreate(Topics.Access service) {
        PodSpec pod = deploymentOf(service).getSpec().getTemplate().getSpec();
        Map<String, EnvVar> env = pod.getContainers().get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        // Kafka: the KafkaUser's own Secret (Strimzi names it as the user) and the cluster's CA.
        assertEquals(service.service(), env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName());
        assertEquals("sasl.jaas.config", env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getKey());
        String kafkaCluster = deployment.ofKind("Kafka").get(0).name();
        assertEquals(kafkaCluster + "-cluster-ca-cert", secretVolume(pod, "kafka-ca"));
        // PostgreSQL: the role's password Secret named in the Cluster, and the Cluster's CA.
        CloudNativePg.Cluster cluster = deployment.ofKind("Cluster").get(0).as(CloudNativePg.Cluster.class);
        String passwordSecret = env.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName();
        assertTrue(cluster.spec().managed().roles().stream().anyMatch(r -> r.passwordSecret().name().equals(passwordSecret)),
                "a managed role whose password is " + passwordSecret);
        assertEquals(cluster.metadata().name() + "-ca", secretVolume(pod, "postgres-ca"));
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue();
        assertTrue(url.startsWith("jdbc:postgresql://" + cluster.metadata().name() + "-rw:5432/"), url);
        assertTrue(url.contains("sslmode=verify-full"), url);
        // The ConfigMaps it takes its Kafka and OIDC settings from exist.
        Set<String> configMaps = deployment.ofKind("ConfigMap").stream().map(ManifestCheck.Manifest::name).collect(Collectors.toSet());
        pod.getContainers().get(0).getEnvFrom().forEach(from -> assertTrue(configMaps.contains(from.getConfigMapRef().getName()),
                "ConfigMap " + from.getConfigMapRef().getName()));
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void eachServiceHasItsOwnDatabaseAndOwner(Topics.Access service) {
        CloudNativePg.Cluster cluster = deployment.ofKind("Cluster").get(0).as(CloudNativePg.Cluster.class);
        String url = deploymentOf(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL")).findFirst().orElseThrow().getValue();
        String database = url.replaceAll("^.*:5432/([^?]+).*$", "$1");
        String role = service.service().replace('-', '_');
        CloudNativePg.Database owned = deployment.ofKind("Database").stream().map(m -> m.as(CloudNativePg.Database.class))
                .filter(d -> d.spec().name().equals(database)).findFirst()
                .orElseThrow(() -> new AssertionError("no Database " + database));
        assertEquals(role, owned.spec().owner());
        assertEquals(cluster.metadata().name(), owned.spec().cluster().name());
        assertTrue(cluster.spec().managed().roles().stream().anyMatch(r -> r.name().equals(role) && Boolean.TRUE.equals(r.login())));
    }

    @Test
    void postgresRunsThreeInstancesWithContinuousBackup() {
        CloudNativePg.Cluster cluster = deployment.ofKind("Cluster").get(0).as(CloudNativePg.Cluster.class);
        assertEquals(3, cluster.spec().instances());
        CloudNativePg.Plugin archiver = cluster.spec().plugins().stream().filter(p -> Boolean.TRUE.equals(p.isWALArchiver()))
                .findFirst().orElseThrow(() -> new AssertionError("no WAL archiver"));
        String store = archiver.parameters().get("barmanObjectName");
        assertTrue(deployment.ofKind("ObjectStore").stream().anyMatch(m -> m.name().equals(store)), "ObjectStore " + store);
        CloudNativePg.ScheduledBackup nightly = deployment.ofKind("ScheduledBackup").get(0).as(CloudNativePg.ScheduledBackup.class);
        assertEquals(cluster.metadata().name(), nightly.spec().cluster().name());
        assertEquals(archiver.name(), nightly.spec().pluginConfiguration().name());
    }

    @Test
    void successionServiceRunsAWriterAndStandbysThatDisruptionsLeaveRunning() {
        Deployment succession = deploymentOf(Topics.Access.SUCCESSION_SERVICE);
        assertTrue(succession.getSpec().getReplicas() >= 2, "a writer and at least one standby");
        PodDisruptionBudget budget = deployment.ofKind("PodDisruptionBudget").stream().map(m -> m.as(PodDisruptionBudget.class))
                .filter(b -> b.getMetadata().getName().equals("succession-service")).findFirst().orElseThrow();
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(succession.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"),
                budget.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"));
        Kustomize.Kustomization production = kustomization("production");
        assertTrue(production.replicas().stream().anyMatch(r -> r.name().equals("succession-service") && r.count() >= 3));
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void everyServiceIsFencedByANetworkPolicy(Topics.Access service) {
        NetworkPolicy policy = deployment.ofKind("NetworkPolicy").stream().map(m -> m.as(NetworkPolicy.class))
                .filter(p -> p.getMetadata().getName().equals(service.service())).findFirst().orElseThrow();
        assertEquals(deploymentOf(service).getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"),
                policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        Set<Integer> egressPorts = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getPort().getIntVal()).collect(Collectors.toSet());
        assertTrue(egressPorts.containsAll(Set.of(5432, 9093, 53)), "PostgreSQL, Kafka and DNS: " + egressPorts);
    }

    @Test
    void kustomizationsNameEveryFileAndOnlyFilesThatExist() throws IOException {
        for (String dir : List.of("base", "production")) {
            Path root = DeploymentFiles.K8S.resolve(dir);
            Kustomize.Kustomization kustomization = kustomization(dir);
            Set<Path> named = new HashSet<>();
            Stream.concat(kustomization.resources().stream(),
                            kustomization.patches().stream().map(Kustomize.Patch::path).filter(p -> p != null))
                    .map(root::resolve).map(Path::normalize).forEach(named::add);
            for (Path file : named) {
                assertTrue(Files.exists(file), dir + "/kustomization.yaml names " + file + ", which does not exist");
            }
            try (Stream<Path> files = Files.list(root)) {
                files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                        .forEach(f -> assertTrue(named.contains(f.normalize()), dir + "/kustomization.yaml does not name " + f.getFileName()));
            }
        }
    }

    @Test
    void theIngressSendsEachApiPathToTheServiceThatServesIt() {
        io.fabric8.kubernetes.api.model.networking.v1.Ingress ingress = deployment.ofKind("Ingress").get(0)
                .as(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
        Map<String, String> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .collect(Collectors.toMap(p -> p.getPath(), p -> p.getBackend().getService().getName()));
        assertEquals("vacancy-service", paths.get("/api/v1/posts"));
        assertEquals("candidate-service", paths.get("/api/v1/candidates"));
        assertEquals("candidate-service", paths.get("/api/v1/export/candidates"));
        assertEquals("succession-service", paths.get("/api/v1/succession"));
        assertEquals("candidate-service", paths.get("/api/v1/audit"), "the personal-data audit");
        assertEquals("vacancy-service", paths.get("/api/v1/audit/changes"), "the change audit, under the same prefix");
        assertEquals("candidate-service", paths.get("/api/v1/successor-lists"));
        assertEquals("candidate-service", paths.get("/api/v1/imports/readiness-assessments"), "each kind to the service that imports it");
        assertEquals("vacancy-service", paths.get("/api/v1/imports/incumbencies"), "each kind to the service that imports it");
        assertEquals("32m", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"),
                "an import file is larger than the controller's default limit");
        assertFalse(paths.keySet().stream().anyMatch(p -> p.startsWith("/q")), "health and metrics stay inside the cluster");
        Set<String> services = Stream.of(Topics.Access.values()).map(Topics.Access::service).collect(Collectors.toSet());
        assertTrue(services.containsAll(paths.values()));
    }

    private static Deployment deploymentOf(Topics.Access service) {
        return deployment.ofKind("Deployment").stream().filter(m -> m.name().equals(service.service())).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + service.service())).as(Deployment.class);
    }

    private static Kustomize.Kustomization kustomization(String dir) {
        return deployment.ofKind("Kustomization").stream().filter(m -> m.source().equals(dir + "/kustomization.yaml"))
                .findFirst().orElseThrow().as(Kustomize.Kustomization.class);
    }

    private static String secretVolume(PodSpec pod, String name) {
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
        return volume.getSecret().getSecretName();
    }
}
