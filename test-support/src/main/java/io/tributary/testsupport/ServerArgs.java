package io.tributary.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} command line of the server mains: every option has a default, an unknown option or a
 * missing value is an error that names it.
 */
public final class ServerArgs {
    private final Map<String, String> values;

    private ServerArgs(Map<String, String> values) {
        this.values = values;
    }

    /** @param defaults option name (with its {@code --}) to default value, in the order usage lists them */
    public static ServerArgs parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; options: " + String.join(" ", defaults.keySet()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
        return new ServerArgs(values);
    }

    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        return value;
    }

    public int port(String name) {
        String value = text(name);
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " " + value + " is not a TCP port (0..65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + value + " is not a number");
        }
    }
}
