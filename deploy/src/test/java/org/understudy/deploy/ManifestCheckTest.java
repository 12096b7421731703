package org.understudy.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the offline check says of a broken manifest, one kind of breakage a row. */
class ManifestCheckTest {
    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a misspelt field in a Strimzi kind", """
                        apiVersion: kafka.strimzi.io/v1
                        kind: KafkaTopic
                        metadata: {name: vacancy-events, labels: {strimzi.io/cluster: understudy}}
                        spec: {partitions: 6, replica: 3}
                        """, List.of("t.yaml KafkaTopic/vacancy-events: unknown field spec.replica")),
                Arguments.of("a misspelt field in a core kind, deep down", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: vacancy-service}
                        spec:
                          selector: {matchLabels: {app: v}}
                          template:
                            spec:
                              containers:
                                - name: vacancy-service
                                  image: understudy/vacancy-service:0.1.0
                                  readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 10}
                        """, List.of("t.yaml Deployment/vacancy-service: unknown field spec.template.spec.containers[0].readinessProbe.periodSecond")),
                Arguments.of("a required field missing in a core kind", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: vacancy-service}
                        spec:
                          selector: {matchLabels: {app: v}}
                          template: {spec: {containers: [{name: vacancy-service}]}}
                        """, List.of("t.yaml Deployment/vacancy-service: missing required field spec.template.spec.containers[0].image")),
                Arguments.of("a required field missing in a Strimzi kind", """
                        apiVersion: kafka.strimzi.io/v1
                        kind: KafkaUser
                        metadata: {name: vacancy-service, labels: {strimzi.io/cluster: understudy}}
                        spec:
                          authorization:
                            type: simple
                            acls: [{resource: {type: topic, name: vacancy-events}}]
                        """, List.of("t.yaml KafkaUser/vacancy-service: missing required field spec.authorization.acls[0].operations")),
                Arguments.of("a misspelt field in a CloudNativePG kind", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: understudy-postgres}
                        spec: {instances: 3, storage: {size: 1Gi}, enableSuperuserAcess: false}
                        """, List.of("t.yaml Cluster/understudy-postgres: unknown field spec.enableSuperuserAcess")),
                Arguments.of("a required field missing in a CloudNativePG kind", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Database
                        metadata: {name: understudy-vacancy}
                        spec: {name: understudy_vacancy, cluster: {name: understudy-postgres}}
                        """, List.of("t.yaml Database/understudy-vacancy: missing required field spec.owner")),
                Arguments.of("a kind nothing knows", """
                        apiVersion: kafka.strimzi.io/v1beta1
                        kind: KafkaTopic
                        metadata: {name: old}
                        """, List.of("t.yaml KafkaTopic/old: no model for apiVersion kafka.strimzi.io/v1beta1 kind KafkaTopic")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void namesTheFieldThatIsWrong(String breakage, String yaml, List<String> expected) throws IOException {
        List<String> problems = ManifestCheck.text("t.yaml", yaml).problems().stream()
                .map(problem -> problem.replaceAll(" \\(known: .*\\)$", "")).toList();
        assertEquals(expected, problems);
    }
}
