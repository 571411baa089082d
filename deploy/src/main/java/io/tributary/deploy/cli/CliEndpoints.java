package io.tributary.deploy.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the commands send their requests, and with which token. Each comes from its flag, else its environment
 * variable, else the {@code stack.json} of the data directory ({@code --data-dir}, else
 * {@code TRIBUTARY_DATA_DIR}, else {@code .tributary} at the repository root):
 * <pre>
 * auth-service URL     --auth-url     TRIBUTARY_AUTH_URL     stack.json services.auth
 * ingest-service URL   --ingest-url   TRIBUTARY_INGEST_URL   stack.json services.ingest
 * admin token          --token        TRIBUTARY_ADMIN_TOKEN  stack.json adminToken
 * </pre>
 * With neither, the URLs fall back to the stack's default ports; the token has no default.
 *
 * @param stack the stack.json read, if there is one
 */
record CliEndpoints(Path dataDir, Optional<StackFile> stack, Map<String, String> environment,
                    Optional<String> authUrlOption, Optional<String> ingestUrlOption, Optional<String> tokenOption) {

    static final String DATA_DIR_ENV = "TRIBUTARY_DATA_DIR";
    static final String AUTH_URL_ENV = "TRIBUTARY_AUTH_URL";
    static final String INGEST_URL_ENV = "TRIBUTARY_INGEST_URL";
    static final String TOKEN_ENV = "TRIBUTARY_ADMIN_TOKEN";
    private static final String DEFAULT_AUTH_URL = "http://127.0.0.1:8081";
    private static final String DEFAULT_INGEST_URL = "http://127.0.0.1:8082";

    static CliEndpoints resolve(Path root, CliArguments arguments, Map<String, String> environment) {
        Path dataDir = arguments.value("--data-dir").or(() -> nonBlank(environment.get(DATA_DIR_ENV)))
                .map(root::resolve).orElse(root.resolve(".tributary")).toAbsolutePath().normalize();
        return new CliEndpoints(dataDir, StackFile.read(dataDir.resolve("stack.json")), Map.copyOf(environment),
                arguments.value("--auth-url"), arguments.value("--ingest-url"), arguments.value("--token"));
    }

    Path stackFile() {
        return dataDir.resolve("stack.json");
    }

    URI authUrl() {
        return url("--auth-url", authUrlOption.or(() -> nonBlank(environment.get(AUTH_URL_ENV)))
                .or(() -> stack.flatMap(s -> s.service("auth"))).orElse(DEFAULT_AUTH_URL));
    }

    URI ingestUrl() {
        return url("--ingest-url", ingestUrlOption.or(() -> nonBlank(environment.get(INGEST_URL_ENV)))
                .or(() -> stack.flatMap(s -> s.service("ingest"))).orElse(DEFAULT_INGEST_URL));
    }

    /** @throws CliException when no token is given anywhere */
    String adminToken() {
        return tokenOption.or(() -> nonBlank(environment.get(TOKEN_ENV)))
                .or(() -> stack.map(StackFile::adminToken))
                .orElseThrow(() -> CliException.failed("no admin token: pass --token or set " + TOKEN_ENV
                        + " (./tributary up writes it to " + stackFile() + ")"));
    }

    /** The RTMP URL publishers push to, when a stack.json says it. */
    Optional<String> rtmpUrl() {
        return stack.map(StackFile::rtmpUrl);
    }

    /** What to tell someone whose request reached nothing. */
    String unreachableHint() {
        if (stack.isEmpty()) {
            return "is the stack running? Start it with ./tributary up";
        }
        StackFile file = stack.get();
        if (!file.running()) {
            return "the stack of " + dataDir + " is stopped; start it with ./tributary up";
        }
        if (!file.launcherAlive()) {
            return "the launcher of the stack of " + dataDir + " (pid " + file.launcherPid()
                    + ") is gone; start the stack again with ./tributary up";
        }
        return "see ./tributary status";
    }

    private static URI url(String option, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw CliException.usage(option + ": '" + text + "' is not an http(s) URL");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return "CliEndpoints[" + dataDir + "]"; // never the token
    }
}
