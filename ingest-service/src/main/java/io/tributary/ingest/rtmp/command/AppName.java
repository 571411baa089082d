package io.tributary.ingest.rtmp.command;

import java.util.Objects;

/**
 * The {@code app} property of {@code connect}, split at '?': some encoders (Larix) carry credentials in the app's
 * query, so the query is kept apart and never printed. Trailing slashes (from a server URL ending in '/') are dropped.
 */
public record AppName(String name, String query) {

    public AppName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
    }

    public static AppName parse(String app) {
        int q = app.indexOf('?');
        String name = q < 0 ? app : app.substring(0, q);
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '/') {
            end--;
        }
        return new AppName(name.substring(0, end), q < 0 ? "" : app.substring(q + 1));
    }

    @Override
    public String toString() {
        return "AppName[name=" + name + ", query=" + (query.isEmpty() ? "none" : "redacted") + "]";
    }
}
