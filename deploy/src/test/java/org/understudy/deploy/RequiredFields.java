package org.understudy.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields each kind requires, as the API references mark them (Kubernetes', and Strimzi's v1
 * API), for the kinds whose Java models do not say so themselves; the CloudNativePG and Kustomize
 * models mark theirs. {@code a[].b} means "b in every item of the list a".
 */
final class RequiredFields {
    private static final List<String> METADATA = List.of("metadata.name");

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("v1/Namespace", METADATA),
            Map.entry("v1/ConfigMap", METADATA),
            Map.entry("v1/Service", List.of("metadata.name", "spec.ports[].port")),
            Map.entry("apps/v1/Deployment", List.of("metadata.name", "spec.selector", "spec.template",
                    "spec.template.spec.containers[].name", "spec.template.spec.containers[].image")),
            Map.entry("policy/v1/PodDisruptionBudget", List.of("metadata.name", "spec.selector")),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", List.of("metadata.name", "spec.podSelector")),
            Map.entry("networking.k8s.io/v1/Ingress", List.of("metadata.name",
                    "spec.rules[].http.paths[].pathType", "spec.rules[].http.paths[].backend")),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", List.of("metadata.name", "spec.selector")),
            Map.entry("kafka.strimzi.io/v1/Kafka", List.of("metadata.name", "spec.kafka", "spec.kafka.listeners[].name",
                    "spec.kafka.listeners[].port", "spec.kafka.listeners[].type", "spec.kafka.listeners[].tls")),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", List.of("metadata.name", "metadata.labels.strimzi.io/cluster",
                    "spec.replicas", "spec.roles", "spec.storage", "spec.storage.type")),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", List.of("metadata.name", "metadata.labels.strimzi.io/cluster")),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", List.of("metadata.name", "metadata.labels.strimzi.io/cluster",
                    "spec.authorization.type", "spec.authorization.acls[].resource", "spec.authorization.acls[].resource.type",
                    "spec.authorization.acls[].operations")));

    private RequiredFields() {
    }

    static List<String> missingIn(String kind, JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (String path : REQUIRED.getOrDefault(kind, List.of())) {
            find(document, path, "", missing);
        }
        return missing;
    }

    private static void find(JsonNode node, String rest, String seen, List<String> missing) {
        if (rest.isEmpty()) {
            return;
        }
        // Label keys hold dots and slashes: the last segment under "labels" is the whole key.
        int dot = seen.endsWith("labels") ? -1 : rest.indexOf('.');
        String segment = dot < 0 ? rest : rest.substring(0, dot);
        String after = dot < 0 ? "" : rest.substring(dot + 1);
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = node.get(name);
        String here = seen.isEmpty() ? name : seen + "." + name;
        if (child == null || child.isNull()) {
            missing.add(here);
            return;
        }
        if (each) {
            for (int i = 0; i < child.size(); i++) {
                find(child.get(i), after, here + "[" + i + "]", missing);
            }
        } else {
            find(child, after, here, missing);
        }
    }
}
