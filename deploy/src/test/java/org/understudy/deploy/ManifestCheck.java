package org.understudy.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.understudy.deploy.model.CloudNativePg;
import org.understudy.deploy.model.Kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.stream.Collectors;

/**
 * Reads Kubernetes manifests into typed models and says what is wrong with them: an unknown kind, a
 * field the kind's model does not have, a field the kind requires that is missing. Core kinds use
 * fabric8's Kubernetes model, Strimzi's kinds Strimzi's published API model, CloudNativePG's and
 * Kustomize's the small models in {@code model}.
 */
final class ManifestCheck {
    /** One YAML document of a file and its model. */
    record Manifest(String source, String kind, String name, Object model) {
        <T> T as(Class<T> type) {
            return type.cast(model);
        }

        @Override
        public String toString() {
            return source + " " + kind + "/" + name;
        }
    }

    record Checked(List<Manifest> manifests, List<String> problems) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CloudNativePg.Database.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CloudNativePg.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", CloudNativePg.ObjectStore.class),
            Map.entry("kustomize.config.k8s.io/v1beta1/Kustomization", Kustomize.Kustomization.class));

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    private ManifestCheck() {
    }

    static Checked file(Path file, Path relativeTo) throws IOException {
        return text(relativeTo.relativize(file).toString(), Files.readString(file));
    }

    /** Every document of a YAML (or JSON) text, with what is wrong with each. */
    static Checked text(String source, String text) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<JsonNode> documents;
        // One tree a YAML document, read one by one (a reader of many values would unwrap a root list).
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            documents = new ArrayList<>();
            for (JsonNode document = YAML.readTree(parser); document != null; document = YAML.readTree(parser)) {
                documents.add(document);
            }
        } catch (IOException e) {
            return new Checked(List.of(), List.of(source + ": not YAML: " + e.getMessage()));
        }
        // The build's JSON form is an array of the objects its YAML form holds as documents; a v1 List
        // holds them in items.
        boolean json = source.endsWith(".json");
        documents = documents.stream().flatMap(d -> {
            if (d != null && json && d.isArray()) {
                return StreamSupport.stream(d.spliterator(), false);
            }
            if (d != null && "List".equals(d.path("kind").asText())) {
                return StreamSupport.stream(d.path("items").spliterator(), false);
            }
            return Stream.of(d);
        }).toList();
        int index = 0;
        for (JsonNode document : documents) {
            index++;
            String where = documents.size() > 1 ? source + " (document " + index + ")" : source;
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue;
            }
            if (document.isArray()) {
                // A file of JSON patch operations, which a Kustomization names in its patches.
                try {
                    manifests.add(new Manifest(where, "JsonPatch", "",
                            YAML.convertValue(document, new TypeReference<List<Kustomize.JsonPatchOperation>>() { })));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": not a list of JSON patch operations: " + rootMessage(e));
                }
                continue;
            }
            String apiVersion = document.path("apiVersion").asText("");
            String kind = document.path("kind").asText("");
            String name = document.path("metadata").path("name").asText("");
            String label = where + " " + kind + "/" + name;
            Class<?> model = MODELS.get(apiVersion + "/" + kind);
            if (model == null) {
                problems.add(label + ": no model for apiVersion " + apiVersion + " kind " + kind
                        + " (known: " + MODELS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
                continue;
            }
            Object typed;
            try {
                typed = YAML.treeToValue(document, model);
            } catch (IOException e) {
                problems.add(label + ": " + describe(e));
                continue;
            }
            UnknownFields.in(typed).forEach(field -> problems.add(label + ": unknown field " + field));
            RequiredFields.missingIn(apiVersion + "/" + kind, document).forEach(field -> problems.add(label + ": missing required field " + field));
            manifests.add(new Manifest(where, kind, name, typed));
        }
        return new Checked(manifests, problems);
    }

    private static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + path(unknown);
        }
        if (e instanceof MismatchedInputException mismatch) {
            // A missing required field: the path of the error ends at it.
            return MISSING_PROPERTY.matcher(mismatch.getOriginalMessage()).find()
                    ? "missing required field " + path(mismatch)
                    : "field " + path(mismatch) + ": " + mismatch.getOriginalMessage();
        }
        return e.getMessage();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof MismatchedInputException mismatch ? describe(mismatch) : cause.getMessage();
    }
}
