package io.tributary.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties declared by the {@code @ConfigMapping} interfaces of a source tree, read from the Java sources: the
 * deploy module does not depend on the services, and a source scan sees a key the moment someone adds it. Covers
 * what SmallRye maps: nested group interfaces (in the same file or elsewhere in the module), {@code Optional} leaves
 * and groups, {@code @WithDefault}, {@code @WithName}, {@code @WithParentName}, and maps (as {@code name.*}).
 */
public final class ConfigMappingScanner {
    private static final Pattern MAPPING = Pattern.compile("@(?:[\\w.]+\\.)?ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern PREFIX = Pattern.compile("prefix\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    /** One abstract, parameterless method: annotations, return type, name. */
    private static final Pattern PROPERTY_METHOD = Pattern.compile(
            "\\s*((?:@[\\w.]+\\s*(?:\\([^()]*\\))?\\s*)*)(?:(?:public|abstract)\\s+)*"
                    + "([\\w.]+(?:\\s*<.*>)?(?:\\s*\\[\\s*])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*",
            Pattern.DOTALL);
    private static final Pattern WITH_DEFAULT = Pattern.compile(
            "@(?:[\\w.]+\\.)?WithDefault\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern WITH_NAME = Pattern.compile("@(?:[\\w.]+\\.)?WithName\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern WITH_PARENT_NAME = Pattern.compile("@(?:[\\w.]+\\.)?WithParentName\\b");
    private static final Pattern MAP_TYPE = Pattern.compile("(?:java\\.util\\.)?Map<.*>");
    private static final Pattern WRAPPER_TYPE = Pattern.compile(
            "(?:java\\.util\\.)?(?:Optional|List|Set|Collection)<(.*)>");
    /** Group interfaces nest a few levels; this stops a self-referencing type from recursing forever. */
    private static final int MAX_NESTING = 16;

    private final Map<String, InterfaceBody> moduleInterfaces = new HashMap<>();

    private ConfigMappingScanner() {
    }

    /** Every property under the {@code @ConfigMapping} interfaces below {@code sourceRoot}, in declaration order. */
    public static List<ConfigKey> scan(Path sourceRoot) {
        List<JavaSourceText> sources = readSources(sourceRoot);
        ConfigMappingScanner scanner = new ConfigMappingScanner();
        sources.forEach(source -> scanner.indexInterfaces(source).forEach(scanner.moduleInterfaces::putIfAbsent));
        List<ConfigKey> keys = new ArrayList<>();
        for (JavaSourceText source : sources) {
            scanner.scanMappings(source, keys);
        }
        return keys;
    }

    private void scanMappings(JavaSourceText source, List<ConfigKey> keys) {
        Map<String, InterfaceBody> local = indexInterfaces(source);
        Matcher mapping = MAPPING.matcher(source.structure());
        while (mapping.find()) {
            Matcher prefix = PREFIX.matcher(source.code().substring(mapping.start(1), mapping.end(1)));
            if (!prefix.find()) {
                throw new IllegalArgumentException(source.origin() + ": @ConfigMapping without a prefix");
            }
            Matcher declaration = INTERFACE.matcher(source.structure());
            if (!declaration.find(mapping.end())) {
                throw new IllegalArgumentException(source.origin() + ": @ConfigMapping on something not an interface");
            }
            walk(local.get(declaration.group(1)), prefix.group(1), local, keys, 0);
        }
    }

    private void walk(InterfaceBody body, String prefix, Map<String, InterfaceBody> local, List<ConfigKey> keys,
            int nesting) {
        if (nesting > MAX_NESTING) {
            throw new IllegalArgumentException(body.source().origin() + ": groups nested deeper than " + MAX_NESTING);
        }
        JavaSourceText source = body.source();
        for (int[] statement : body.statements()) {
            Matcher method = PROPERTY_METHOD.matcher(source.structure().substring(statement[0], statement[1]));
            if (!method.matches()) {
                continue; // a constant, or nothing
            }
            String annotations = source.code().substring(statement[0] + method.start(1), statement[0] + method.end(1));
            String type = method.group(2).replaceAll("\\s+", "");
            Matcher withName = WITH_NAME.matcher(annotations);
            String segment = withName.find() ? withName.group(1) : ConfigNames.kebab(method.group(3));
            String property = WITH_PARENT_NAME.matcher(annotations).find() ? prefix : prefix + "." + segment;
            if (MAP_TYPE.matcher(type).matches()) {
                keys.add(new ConfigKey(property + ".*", Optional.empty(), source.origin()));
                continue;
            }
            Optional<InterfaceBody> group = groupOf(type, local);
            if (group.isPresent()) {
                walk(group.get(), property, local, keys, nesting + 1);
            } else {
                Matcher withDefault = WITH_DEFAULT.matcher(annotations);
                Optional<String> defaultValue = withDefault.find()
                        ? Optional.of(withDefault.group(1).replace("\\\"", "\"").replace("\\\\", "\\"))
                        : Optional.empty();
                keys.add(new ConfigKey(property, defaultValue, source.origin()));
            }
        }
    }

    /** The group interface a property's type names, if it is one (same file first, then anywhere in the module). */
    private Optional<InterfaceBody> groupOf(String type, Map<String, InterfaceBody> local) {
        String element = type;
        Matcher wrapper = WRAPPER_TYPE.matcher(element);
        if (wrapper.matches()) {
            element = wrapper.group(1);
        }
        String simpleName = element.substring(element.lastIndexOf('.') + 1);
        InterfaceBody body = local.get(simpleName);
        return Optional.ofNullable(body != null ? body : moduleInterfaces.get(simpleName));
    }

    private Map<String, InterfaceBody> indexInterfaces(JavaSourceText source) {
        Map<String, InterfaceBody> interfaces = new HashMap<>();
        Matcher declaration = INTERFACE.matcher(source.structure());
        while (declaration.find()) {
            int open = declaration.end() - 1;
            int close = source.closingBrace(open);
            if (close < 0) {
                throw new IllegalArgumentException(source.origin() + ": unbalanced braces in interface "
                        + declaration.group(1));
            }
            interfaces.putIfAbsent(declaration.group(1), new InterfaceBody(source, open + 1, close));
        }
        return interfaces;
    }

    private static List<JavaSourceText> readSources(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<JavaSourceText> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(JavaSourceText.of(file.toString(), Files.readString(file)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sourceRoot, e);
        }
    }

    /** The text between an interface's braces. */
    private record InterfaceBody(JavaSourceText source, int start, int end) {

        /**
         * The member declarations directly in this body that end with {@code ;}, as [from, to) ranges. A nested
         * block (a nested type, a default method) ends what precedes it and is skipped: it declares no property
         * here.
         */
        List<int[]> statements() {
            List<int[]> statements = new ArrayList<>();
            String text = source.structure();
            int depth = 0;
            int from = start;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        from = i + 1;
                    }
                } else if (c == ';' && depth == 0) {
                    statements.add(new int[] {from, i});
                    from = i + 1;
                }
            }
            return statements;
        }
    }
}
