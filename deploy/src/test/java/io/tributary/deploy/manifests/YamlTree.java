package io.tributary.deploy.manifests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed steps through a parsed YAML tree; a missing step is empty, a step of the wrong type an error. */
public final class YamlTree {
    private YamlTree() {
    }

    /** The value at {@code path} under {@code root}, if every step exists. */
    public static Optional<Object> at(Object root, String... path) {
        Object node = root;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            node = map.get(step);
        }
        return Optional.ofNullable(node);
    }

    public static Map<String, Object> mapAt(Object root, String... path) {
        return at(root, path).map(YamlTree::map).orElse(Map.of());
    }

    public static List<Object> listAt(Object root, String... path) {
        return at(root, path).map(YamlTree::list).orElse(List.of());
    }

    /** The text of a scalar at {@code path} (numbers and booleans as YAML wrote them), or empty. */
    public static Optional<String> textAt(Object root, String... path) {
        return at(root, path).map(String::valueOf);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a mapping, found " + describe(node));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("expected a sequence, found " + describe(node));
    }

    private static String describe(Object node) {
        return node == null ? "nothing" : node.getClass().getSimpleName() + " " + node;
    }
}
