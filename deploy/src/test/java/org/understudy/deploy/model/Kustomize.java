package org.understudy.deploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The fields of Kustomize's Kustomization (kustomize.config.k8s.io/v1beta1) the deployment uses, and a
 * JSON patch operation (RFC 6902), as the Kustomize reference names them. Anything else is refused.
 */
public final class Kustomize {
    private Kustomize() {
    }

    public record Kustomization(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
                                String namespace, List<Label> labels, List<String> resources, List<Patch> patches,
                                List<Image> images, List<Replicas> replicas) {
    }

    public record Label(@JsonProperty(required = true) Map<String, String> pairs, Boolean includeSelectors,
                        Boolean includeTemplates) {
    }

    public record Patch(String path, String patch, Target target) {
    }

    public record Target(String group, String version, String kind, String name, String namespace,
                         String labelSelector, String annotationSelector) {
    }

    public record Image(@JsonProperty(required = true) String name, String newName, String newTag, String digest) {
    }

    public record Replicas(@JsonProperty(required = true) String name, @JsonProperty(required = true) Integer count) {
    }

    public record JsonPatchOperation(@JsonProperty(required = true) String op, @JsonProperty(required = true) String path,
                                     Object value, String from) {
    }
}
