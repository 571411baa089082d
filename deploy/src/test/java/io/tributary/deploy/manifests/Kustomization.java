package io.tributary.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A kustomization (or kustomize component) directory and the local files it names. */
public record Kustomization(Path dir, Map<String, Object> document) {
    public static final String FILE_NAME = "kustomization.yaml";

    public static Kustomization read(Path dir) {
        List<Map<String, Object>> documents = YamlDocuments.read(dir.resolve(FILE_NAME));
        if (documents.size() != 1) {
            throw new IllegalArgumentException(dir.resolve(FILE_NAME) + ": expected one document");
        }
        return new Kustomization(dir, documents.get(0));
    }

    /** Every directory under {@code root} (itself included) that holds a kustomization.yaml, sorted. */
    public static List<Kustomization> findAll(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().equals(FILE_NAME)).map(Path::getParent).sorted()
                    .map(Kustomization::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    public String kind() {
        return YamlTree.textAt(document, "kind").orElse("Kustomization");
    }

    public List<String> resources() {
        return texts("resources");
    }

    public List<String> components() {
        return texts("components");
    }

    /** Every local file or directory this kustomization names, resolved against its directory. */
    public List<Path> referencedPaths() {
        List<String> names = new ArrayList<>(resources());
        names.addAll(components());
        names.addAll(texts("crds"));
        names.addAll(texts("patchesStrategicMerge"));
        for (Object patch : YamlTree.listAt(document, "patches")) {
            YamlTree.textAt(patch, "path").ifPresent(names::add);
        }
        for (Object patch : YamlTree.listAt(document, "patchesJson6902")) {
            YamlTree.textAt(patch, "path").ifPresent(names::add);
        }
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (Object entry : YamlTree.listAt(document, generator)) {
                for (String field : List.of("files", "envs")) {
                    for (Object file : YamlTree.listAt(entry, field)) {
                        String text = String.valueOf(file);
                        int equals = text.indexOf('='); // files: [key=path]
                        names.add(equals < 0 ? text : text.substring(equals + 1));
                    }
                }
                YamlTree.textAt(entry, "env").ifPresent(names::add);
            }
        }
        return names.stream().filter(name -> !isRemote(name)).map(name -> dir.resolve(name).normalize()).toList();
    }

    /** What it names that is not there: a missing file, or a directory without a kustomization. */
    public List<Path> missingReferences() {
        List<Path> missing = new ArrayList<>();
        for (Path path : referencedPaths()) {
            boolean present = Files.isDirectory(path) ? Files.isRegularFile(path.resolve(FILE_NAME)) : Files.isRegularFile(path);
            if (!present) {
                missing.add(path);
            }
        }
        return missing;
    }

    /** The YAML files beside the kustomization that it does not name: forgotten manifests or stale patches. */
    public List<Path> unreferencedYamlFiles() {
        List<Path> referenced = referencedPaths();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !file.getFileName().toString().equals(FILE_NAME))
                    .map(Path::normalize)
                    .filter(file -> !referenced.contains(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public Optional<String> namespace() {
        return YamlTree.textAt(document, "namespace");
    }

    private List<String> texts(String field) {
        return YamlTree.listAt(document, field).stream().map(String::valueOf).toList();
    }

    private static boolean isRemote(String name) {
        return name.contains("://") || name.startsWith("github.com/") || name.startsWith("git@");
    }
}
