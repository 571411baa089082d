package io.tributary.deploy.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Deployment, StatefulSet, DaemonSet or Job, seen through its pod template. */
public record Workload(String kind, String name, Map<String, Object> document) {

    /** A key of a Secret that a pod reads, through an environment variable or a volume. */
    public record SecretReference(String secret, String key, boolean optional) {
    }

    public Map<String, Object> podSpec() {
        return YamlTree.mapAt(document, "spec", "template", "spec");
    }

    public Map<String, Object> podLabels() {
        return YamlTree.mapAt(document, "spec", "template", "metadata", "labels");
    }

    public List<Map<String, Object>> containers() {
        return YamlTree.listAt(podSpec(), "containers").stream().map(YamlTree::map).toList();
    }

    /** The container's ports: name (or the number as text) to number. */
    public static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : YamlTree.listAt(container, "ports")) {
            int number = Integer.parseInt(YamlTree.textAt(port, "containerPort").orElseThrow());
            ports.put(String.valueOf(number), number);
            YamlTree.textAt(port, "name").ifPresent(name -> ports.put(name, number));
        }
        return ports;
    }

    /**
     * The container's environment as name to value: {@code env} entries (a {@code valueFrom} is its description,
     * e.g. {@code secret:tributary-secrets/admin-token}) over the data of the ConfigMaps of {@code envFrom}.
     */
    public static Map<String, String> environment(Map<String, Object> container, KubernetesObjects objects) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : YamlTree.listAt(container, "envFrom")) {
            String prefix = YamlTree.textAt(source, "prefix").orElse("");
            YamlTree.textAt(source, "configMapRef", "name").ifPresent(configMap ->
                    objects.configMapData(configMap).forEach((key, value) -> environment.put(prefix + key, value)));
        }
        for (Object variable : YamlTree.listAt(container, "env")) {
            String name = YamlTree.textAt(variable, "name").orElseThrow();
            Optional<String> value = YamlTree.textAt(variable, "value");
            Optional<String> secret = YamlTree.textAt(variable, "valueFrom", "secretKeyRef", "name");
            Optional<String> configMap = YamlTree.textAt(variable, "valueFrom", "configMapKeyRef", "name");
            if (value.isPresent()) {
                environment.put(name, value.get());
            } else if (secret.isPresent()) {
                environment.put(name, "secret:" + secret.get() + "/"
                        + YamlTree.textAt(variable, "valueFrom", "secretKeyRef", "key").orElse(""));
            } else if (configMap.isPresent()) {
                String key = YamlTree.textAt(variable, "valueFrom", "configMapKeyRef", "key").orElse("");
                environment.put(name, objects.configMapData(configMap.get()).getOrDefault(key, ""));
            } else {
                environment.put(name, "");
            }
        }
        return environment;
    }

    /** The names of the ConfigMaps the containers' {@code envFrom} read. */
    public Set<String> envFromConfigMaps() {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> container : containers()) {
            for (Object source : YamlTree.listAt(container, "envFrom")) {
                YamlTree.textAt(source, "configMapRef", "name").ifPresent(names::add);
            }
        }
        return names;
    }

    public List<SecretReference> secretReferences() {
        List<SecretReference> references = new ArrayList<>();
        for (Map<String, Object> container : containers()) {
            for (Object variable : YamlTree.listAt(container, "env")) {
                YamlTree.at(variable, "valueFrom", "secretKeyRef").ifPresent(ref -> references.add(new SecretReference(
                        YamlTree.textAt(ref, "name").orElse(""), YamlTree.textAt(ref, "key").orElse(""),
                        YamlTree.textAt(ref, "optional").orElse("false").equals("true"))));
            }
        }
        for (Object volume : YamlTree.listAt(podSpec(), "volumes")) {
            YamlTree.at(volume, "secret").ifPresent(secret -> references.add(new SecretReference(
                    YamlTree.textAt(secret, "secretName").orElse(""), "",
                    YamlTree.textAt(secret, "optional").orElse("false").equals("true"))));
        }
        return references;
    }

    /** Whether every label of {@code selector} is on the pod template. */
    public boolean matches(Map<String, Object> selector) {
        if (selector.isEmpty()) {
            return false;
        }
        Map<String, Object> labels = podLabels();
        return selector.entrySet().stream()
                .allMatch(entry -> String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey()))));
    }
}
