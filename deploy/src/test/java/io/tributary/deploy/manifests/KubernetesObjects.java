package io.tributary.deploy.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A set of Kubernetes objects: the documents of some manifests, or of what kustomize rendered. */
public record KubernetesObjects(List<Map<String, Object>> documents) {
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    public KubernetesObjects {
        documents = List.copyOf(documents);
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(kind(document))).toList();
    }

    public Optional<Map<String, Object>> named(String kind, String name) {
        return ofKind(kind).stream().filter(document -> name.equals(name(document))).findFirst();
    }

    /** The data of ConfigMap {@code name}, empty if there is no such ConfigMap. */
    public Map<String, String> configMapData(String name) {
        Map<String, String> data = new LinkedHashMap<>();
        named("ConfigMap", name).ifPresent(configMap -> YamlTree.mapAt(configMap, "data")
                .forEach((key, value) -> data.put(key, String.valueOf(value))));
        return data;
    }

    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            if (WORKLOAD_KINDS.contains(kind(document))) {
                workloads.add(new Workload(kind(document), name(document), document));
            }
        }
        return workloads;
    }

    public Optional<Workload> workload(String kind, String name) {
        return workloads().stream().filter(w -> w.kind().equals(kind) && w.name().equals(name)).findFirst();
    }

    public static String kind(Map<String, Object> document) {
        return YamlTree.textAt(document, "kind").orElse("");
    }

    public static String name(Map<String, Object> document) {
        return YamlTree.textAt(document, "metadata", "name").orElse("");
    }

    /** {@code Kind/name}, for messages. */
    public static String describe(Map<String, Object> document) {
        return kind(document) + "/" + name(document);
    }
}
