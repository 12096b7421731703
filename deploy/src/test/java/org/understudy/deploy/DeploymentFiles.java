package org.understudy.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every manifest under deploy/k8s, the ones the build generated included, read and checked once. */
final class DeploymentFiles {
    static final Path DEPLOY = Path.of(System.getProperty("understudy.deploy", "deploy")).toAbsolutePath().normalize();
    static final Path K8S = DEPLOY.resolve("k8s");

    final List<ManifestCheck.Manifest> manifests = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private DeploymentFiles(List<Path> files) throws IOException {
        for (Path file : files) {
            ManifestCheck.Checked checked = ManifestCheck.file(file, K8S);
            manifests.addAll(checked.manifests());
            problems.addAll(checked.problems());
        }
    }

    static DeploymentFiles read() {
        try (Stream<Path> walk = Files.walk(K8S)) {
            return new DeploymentFiles(walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path generated(String service) {
        return K8S.resolve("base/generated").resolve(service).resolve("kubernetes.yml");
    }

    List<ManifestCheck.Manifest> ofKind(String kind) {
        // The build writes each manifest as YAML and as JSON: both are checked, the YAML one is used.
        return manifests.stream().filter(m -> m.kind().equals(kind) && !m.source().endsWith(".json")).toList();
    }
}
