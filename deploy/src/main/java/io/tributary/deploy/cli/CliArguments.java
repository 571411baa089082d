package io.tributary.deploy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What follows a command's words: its positional values and its options, {@code --name value} or
 * {@code --name=value}; an option given twice keeps both values ({@code --allow A --allow B}).
 *
 * @param positionals the values that are not options, in order
 * @param options     by name (with the dashes), each with its values in order; flags have none
 */
record CliArguments(List<String> positionals, Map<String, List<String>> options) {

    /** Options every command takes: where the stack is, how to reach it, and how to print. */
    static final Set<String> GLOBAL_VALUE_OPTIONS = Set.of("--data-dir", "--auth-url", "--ingest-url", "--token");
    static final String JSON = "--json";

    CliArguments {
        positionals = List.copyOf(positionals);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        options = Map.copyOf(copy);
    }

    /**
     * @param valueOptions the command's options that take a value (besides {@link #GLOBAL_VALUE_OPTIONS})
     * @throws CliException (usage) on an unknown option or an option without its value
     */
    static CliArguments parse(String command, List<String> args, Set<String> valueOptions) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (name.equals(JSON)) {
                if (equals > 0) {
                    throw CliException.usage(JSON + " takes no value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>());
            } else if (valueOptions.contains(name) || GLOBAL_VALUE_OPTIONS.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw CliException.usage(name + " needs a value; see ./tributary help");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw CliException.usage("'" + command + "' has no option " + name + "; see ./tributary help");
            }
        }
        return new CliArguments(positionals, options);
    }

    boolean json() {
        return options.containsKey(JSON);
    }

    /** The last value given for an option (a later one overrides an earlier one, as in most tools). */
    Optional<String> value(String option) {
        List<String> values = options.getOrDefault(option, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }
}
