package io.tributary.deploy.manifests;

import java.util.Optional;

/**
 * One configuration property a service reads.
 *
 * @param name          e.g. {@code tributary.ingest.rtmp-port}; a map's keys are {@code name.*}
 * @param defaultValue  the {@code @WithDefault} or application.properties value, if any
 * @param source        the file that declares it, for messages
 */
public record ConfigKey(String name, Optional<String> defaultValue, String source) {

    public boolean isWildcard() {
        return name.endsWith(".*");
    }

    /** Whether {@code variable} sets this property, as SmallRye maps environment variables. */
    public boolean isSetBy(String variable) {
        if (isWildcard()) {
            String prefix = ConfigNames.environmentVariable(name.substring(0, name.length() - 2)) + "_";
            return variable.startsWith(prefix) && variable.length() > prefix.length();
        }
        return ConfigNames.environmentVariable(name).equals(variable);
    }
}
