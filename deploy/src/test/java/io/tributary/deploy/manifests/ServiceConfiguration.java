package io.tributary.deploy.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service module can be configured with: the keys of its {@code application.properties} and of the
 * {@code @ConfigMapping} interfaces in its sources and in the project's library modules it depends on (media-storage's
 * {@code tributary.s3.*}), plus the names its property expressions read directly
 * ({@code kafka.bootstrap.servers=${TRIBUTARY_KAFKA:127.0.0.1:9092}} reads {@code TRIBUTARY_KAFKA}).
 *
 * @param keys             by property name; a mapping's declaration wins over an application.properties line
 * @param referencedNames  names read through {@code ${NAME...}} expressions
 */
public record ServiceConfiguration(String module, Map<String, ConfigKey> keys, Set<String> referencedNames) {
    /** {@code %dev.}, {@code %test.}: a profile's value of a key, not another key. */
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}\\s]+)");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([\\w.-]+)</artifactId>");

    public static ServiceConfiguration of(Path moduleDir) {
        String module = moduleDir.getFileName().toString();
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        Set<String> referenced = new LinkedHashSet<>();
        for (Path sources : mappingSources(moduleDir)) {
            for (ConfigKey key : ConfigMappingScanner.scan(sources)) {
                keys.putIfAbsent(key.name(), key);
                key.defaultValue().ifPresent(value -> addReferences(value, referenced));
            }
        }
        Path properties = moduleDir.resolve("src/main/resources/application.properties");
        for (Map.Entry<String, String> entry : readProperties(properties).entrySet()) {
            Matcher profile = PROFILE.matcher(entry.getKey());
            boolean profileOnly = profile.find();
            String name = profileOnly ? entry.getKey().substring(profile.end()) : entry.getKey();
            keys.putIfAbsent(name, new ConfigKey(name,
                    profileOnly ? Optional.empty() : Optional.of(entry.getValue()), properties.toString()));
            addReferences(entry.getValue(), referenced);
        }
        return new ServiceConfiguration(module, Map.copyOf(keys), Set.copyOf(referenced));
    }

    /** Whether setting {@code variable} in the service's environment configures something it reads. */
    public boolean accepts(String variable) {
        return referencedNames.contains(variable) || keys.values().stream().anyMatch(key -> key.isSetBy(variable));
    }

    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** The keys whose name starts with {@code prefix} (e.g. {@code tributary.}), sorted by name. */
    public List<ConfigKey> keysStartingWith(String prefix) {
        List<ConfigKey> matching = new ArrayList<>();
        keys.values().stream().filter(key -> key.name().startsWith(prefix)).forEach(matching::add);
        matching.sort((a, b) -> a.name().compareTo(b.name()));
        return matching;
    }

    /** The module's own sources, then those of each sibling module its pom names (the project's libraries). */
    private static List<Path> mappingSources(Path moduleDir) {
        List<Path> roots = new ArrayList<>(List.of(moduleDir.resolve("src/main/java")));
        Path pom = moduleDir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return roots;
        }
        String text;
        try {
            text = Files.readString(pom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
        Matcher artifact = ARTIFACT_ID.matcher(text);
        while (artifact.find()) {
            Path sibling = moduleDir.resolveSibling(artifact.group(1)).resolve("src/main/java");
            if (!artifact.group(1).equals(moduleDir.getFileName().toString()) && Files.isDirectory(sibling)
                    && !roots.contains(sibling)) {
                roots.add(sibling);
            }
        }
        return roots;
    }

    private static void addReferences(String value, Set<String> referenced) {
        Matcher expression = EXPRESSION.matcher(value);
        while (expression.find()) {
            referenced.add(expression.group(1));
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        properties.stringPropertyNames().stream().sorted()
                .forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }
}
