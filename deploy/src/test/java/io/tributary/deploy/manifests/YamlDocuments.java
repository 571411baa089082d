package io.tributary.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documents of a YAML file or stream ({@code ---}-separated, as Kubernetes manifests are), each a mapping.
 * Parsed with SnakeYAML's safe constructor: plain maps, lists, strings and numbers, never arbitrary classes.
 */
public final class YamlDocuments {
    private YamlDocuments() {
    }

    public static List<Map<String, Object>> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @param origin where the text came from, for messages */
    public static List<Map<String, Object>> parse(String text, String origin) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        int index = 0;
        for (Object document : yaml.loadAll(text)) {
            index++;
            if (document == null) {
                continue; // an empty document, e.g. after a trailing ---
            }
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(origin + ": document " + index + " is not a mapping but "
                        + document.getClass().getSimpleName());
            }
            documents.add(YamlTree.map(document));
        }
        return documents;
    }
}
