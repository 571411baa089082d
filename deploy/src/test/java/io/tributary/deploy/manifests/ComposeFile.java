package io.tributary.deploy.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A parsed {@code docker-compose.yml}: its services, as written (before variable interpolation). */
public record ComposeFile(Path path, Map<String, Object> document) {

    public static ComposeFile read(Path path) {
        List<Map<String, Object>> documents = YamlDocuments.read(path);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(path + ": expected one YAML document, found " + documents.size());
        }
        return new ComposeFile(path, documents.get(0));
    }

    public Set<String> serviceNames() {
        return new TreeSet<>(YamlTree.mapAt(document, "services").keySet());
    }

    public boolean hasService(String name) {
        return YamlTree.mapAt(document, "services").containsKey(name);
    }

    public ComposeService service(String name) {
        Object definition = YamlTree.at(document, "services", name)
                .orElseThrow(() -> new IllegalArgumentException(path + " has no service " + name));
        return new ComposeService(name, YamlTree.map(definition));
    }

    public Set<String> topLevelKeys() {
        return new TreeSet<>(document.keySet());
    }
}
