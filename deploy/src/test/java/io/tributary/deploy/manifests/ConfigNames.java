package io.tributary.deploy.manifests;

import java.util.Locale;

/**
 * How SmallRye Config names things: a {@code @ConfigMapping} method {@code rtmpsPort()} is the property
 * {@code rtmps-port}, and a property is found in the environment under its name with every character other than a
 * letter or digit replaced by {@code _}, upper-cased ({@code tributary.ingest.rtmps-port} is
 * {@code TRIBUTARY_INGEST_RTMPS_PORT}; MicroProfile Config 3.1, section "Environment Variables Mapping Rules").
 */
public final class ConfigNames {
    private ConfigNames() {
    }

    /** The kebab-case property segment of a mapping method (SmallRye's default naming strategy). */
    public static String kebab(String methodName) {
        StringBuilder out = new StringBuilder(methodName.length() + 4);
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0 && !Character.isUpperCase(methodName.charAt(i - 1));
                boolean endsAnAcronym = i > 0 && Character.isUpperCase(methodName.charAt(i - 1))
                        && i + 1 < methodName.length() && Character.isLowerCase(methodName.charAt(i + 1));
                if (afterLowerOrDigit || endsAnAcronym) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The environment variable that sets {@code property}. */
    public static String environmentVariable(String property) {
        StringBuilder out = new StringBuilder(property.length());
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
