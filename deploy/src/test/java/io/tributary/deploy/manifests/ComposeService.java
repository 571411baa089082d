package io.tributary.deploy.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of a compose file, with the short and long syntaxes of its fields read alike. */
public record ComposeService(String name, Map<String, Object> definition) {

    /** A published port: {@code "1935:1935"} is host 1935, container 1935. */
    public record PortMapping(int published, int target) {
    }

    /** {@code environment:} as a map, whether written as a map or as a list of {@code NAME=value}. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        Optional<Object> node = YamlTree.at(definition, "environment");
        if (node.isEmpty()) {
            return environment;
        }
        if (node.get() instanceof Map<?, ?>) {
            YamlTree.map(node.get()).forEach((key, value) -> environment.put(key, value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : YamlTree.list(node.get())) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** Ports published on the host, from {@code "host:container"}, {@code "ip:host:container/tcp"} or the long form. */
    public List<PortMapping> publishedPorts() {
        List<PortMapping> ports = new ArrayList<>();
        for (Object entry : YamlTree.listAt(definition, "ports")) {
            if (entry instanceof Map<?, ?>) {
                Optional<String> published = YamlTree.textAt(entry, "published");
                Optional<String> target = YamlTree.textAt(entry, "target");
                if (published.isPresent() && target.isPresent()) {
                    ports.add(new PortMapping(Integer.parseInt(published.get()), Integer.parseInt(target.get())));
                }
                continue;
            }
            String text = String.valueOf(entry);
            int slash = text.indexOf('/');
            String[] parts = (slash < 0 ? text : text.substring(0, slash)).split(":");
            if (parts.length >= 2) {
                ports.add(new PortMapping(Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])));
            }
        }
        return ports;
    }

    /** The health check command as one string ({@code ["CMD", "curl", ...]} joined by spaces), if any. */
    public Optional<String> healthCheckCommand() {
        Optional<Object> test = YamlTree.at(definition, "healthcheck", "test");
        if (test.isEmpty()) {
            return Optional.empty();
        }
        if (test.get() instanceof List<?> words) {
            List<String> text = new ArrayList<>();
            words.forEach(word -> text.add(String.valueOf(word)));
            return Optional.of(String.join(" ", text));
        }
        return Optional.of(String.valueOf(test.get()));
    }

    public boolean hasHealthCheck() {
        return healthCheckCommand().isPresent()
                && !YamlTree.textAt(definition, "healthcheck", "disable").orElse("false").equals("true");
    }

    /** {@code depends_on:} as target -> condition; the list form means {@code service_started}. */
    public Map<String, String> dependsOn() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Optional<Object> node = YamlTree.at(definition, "depends_on");
        if (node.isEmpty()) {
            return dependencies;
        }
        if (node.get() instanceof Map<?, ?>) {
            YamlTree.map(node.get()).forEach((target, spec) ->
                    dependencies.put(target, YamlTree.textAt(spec, "condition").orElse("service_started")));
        } else {
            YamlTree.list(node.get()).forEach(target -> dependencies.put(String.valueOf(target), "service_started"));
        }
        return dependencies;
    }

    public Optional<String> restart() {
        return YamlTree.textAt(definition, "restart");
    }

    public Optional<String> image() {
        return YamlTree.textAt(definition, "image");
    }

    public Optional<String> buildContext() {
        return YamlTree.textAt(definition, "build", "context");
    }

    public Optional<String> buildDockerfile() {
        return YamlTree.textAt(definition, "build", "dockerfile");
    }

    public Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        YamlTree.mapAt(definition, "build", "args").forEach((key, value) -> args.put(key, String.valueOf(value)));
        return args;
    }
}
