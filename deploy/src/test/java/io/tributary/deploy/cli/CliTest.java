package io.tributary.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against fake auth and ingest APIs: the requests they make, what they print, how they fail. */
class CliTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private FakeService auth;
    private FakeService ingest;

    private record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        auth = new FakeService();
        ingest = new FakeService();
    }

    @AfterEach
    void stop() {
        auth.close();
        ingest.close();
    }

    private Result run(String... args) {
        Map<String, String> env = Map.of(CliEndpoints.AUTH_URL_ENV, auth.url(), CliEndpoints.INGEST_URL_ENV,
                ingest.url(), CliEndpoints.TOKEN_ENV, TOKEN);
        return runWith(env, args);
    }

    private Result runWith(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(List.of(args), root, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void channelsListsEveryChannelWithItsKeysAndLiveFlag() {
        auth.answer("GET", "/v1/channels", 200, """
                {"channels":[{"name":"alice","createdAt":"2026-11-27T00:10:14.441Z","keys":2,"live":true},
                             {"name":"bob","createdAt":"2026-11-27T00:11:00Z","keys":0,"live":false}]}""");

        Result result = run("channels");

        assertEquals(0, result.exit(), result.err());
        FakeService.Request request = auth.onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("Bearer " + TOKEN, request.authorization());
        assertEquals("""
                NAME   CREATED               KEYS  LIVE
                alice  2026-11-27T00:10:14Z  2     live
                bob    2026-11-27T00:11:00Z  0     -
                """, result.out());
    }

    @Test
    void jsonPrintsTheServicesOwnAnswer() throws IOException {
        String body = "{\"channels\":[{\"name\":\"alice\",\"createdAt\":\"2026-11-27T00:10:14Z\",\"keys\":2,"
                + "\"live\":true}]}";
        auth.answer("GET", "/v1/channels", 200, body);

        Result result = run("channels", "--json");

        assertEquals(0, result.exit(), result.err());
        assertEquals(json(body), json(result.out()));
    }

    @Test
    void channelCreatePostsTheNameAsJson() throws IOException {
        auth.answer("POST", "/v1/channels", 201,
                "{\"name\":\"alice\",\"createdAt\":\"2026-11-27T12:00:00Z\",\"keys\":0,\"live\":false}");

        Result result = run("channel", "create", "alice");

        assertEquals(0, result.exit(), result.err());
        FakeService.Request request = auth.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("application/json", request.contentType());
        assertEquals(json("{\"name\":\"alice\"}"), json(request.body()));
        assertTrue(result.out().startsWith("Created channel alice."), result.out());
    }

    @Test
    void channelDeleteKeepsTheNameInsideItsPathSegment() {
        auth.answer("DELETE", "/v1/channels/..%2Fkeys", 204, null);

        Result result = run("channel", "delete", "../keys");

        assertEquals(0, result.exit(), result.err());
        assertEquals("/v1/channels/..%2Fkeys", auth.onlyRequest().rawPath());
    }

    @Test
    void keyCreateSendsLabelExpiryAllowListAndBitrateAndPrintsTheKey() throws IOException {
        String key = "tsk_SrDwaTlmYstlWZkLOwDJpH-KWn5mXxt-8F0HMOlHOXk";
        auth.answer("POST", "/v1/channels/alice/keys", 201, """
                {"id":"key_88UokN2yF30A","channel":"alice","key":"%s","label":"OBS at home",
                 "createdAt":"2026-11-27T12:00:00Z","expiresAt":"2026-12-27T12:00:00Z",
                 "allowedCidrs":["203.0.113.0/24","2001:db8::/32"],"maxBitrateKbps":8000,"replaces":null}"""
                .formatted(key));

        Result result = run("key", "create", "alice", "--label", "OBS at home", "--expires-in", "30d",
                "--allow", "203.0.113.0/24", "--allow=2001:db8::/32", "--max-bitrate", "8000");

        assertEquals(0, result.exit(), result.err());
        assertEquals(json("""
                {"label":"OBS at home","expiresAt":"2026-12-27T12:00:00Z",
                 "allowedCidrs":["203.0.113.0/24","2001:db8::/32"],"maxBitrateKbps":8000}"""),
                json(auth.onlyRequest().body()));
        assertTrue(result.out().startsWith("Created key key_88UokN2yF30A for channel alice (label \"OBS at home\", "
                + "expires 2026-12-27T12:00:00Z, allowed from 203.0.113.0/24,2001:db8::/32, at most 8000 kb/s)."),
                result.out());
        assertTrue(result.out().contains("\n  " + key + "\n"), result.out());
    }

    @Test
    void keyCreateWithoutOptionsSendsAnEmptyObjectAndShowsHowToPublishFromStackJson() throws IOException {
        writeStackJson(true, ProcessHandle.current().pid(), auth.url(), ingest.url(), 19092, 19000);
        auth.answer("POST", "/v1/channels/alice/keys", 201, """
                {"id":"key_1","channel":"alice","key":"tsk_k","label":null,"createdAt":"2026-11-27T12:00:00Z",
                 "expiresAt":null,"allowedCidrs":[],"maxBitrateKbps":null,"replaces":null}""");

        Result result = runWith(Map.of(), "key", "create", "alice");

        assertEquals(0, result.exit(), result.err());
        assertEquals("Bearer stack-json-token", auth.onlyRequest().authorization());
        assertEquals(json("{}"), json(auth.onlyRequest().body()));
        assertTrue(result.out().contains("OBS: server rtmp://127.0.0.1:11935/live, stream key as above"),
                result.out());
        assertTrue(result.out().contains("ffmpeg -re -i clip.mp4 -c copy -f flv rtmp://127.0.0.1:11935/live/tsk_k"),
                result.out());
    }

    @Test
    void keysListsMetadataAndNeverAKey() {
        auth.answer("GET", "/v1/channels/alice/keys", 200, """
                {"keys":[{"id":"key_1","channel":"alice","label":"OBS","status":"active",
                          "createdAt":"2026-11-27T00:10:14.532Z","expiresAt":null,"revokedAt":null,
                          "lastUsedAt":"2026-11-27T01:00:00Z","allowedCidrs":[],"maxBitrateKbps":null},
                         {"id":"key_2","channel":"alice","label":null,"status":"revoked",
                          "createdAt":"2026-11-27T00:10:15Z","expiresAt":"2027-01-01T00:00:00Z",
                          "revokedAt":"2026-11-27T02:00:00Z","lastUsedAt":null,
                          "allowedCidrs":["10.0.0.0/8"],"maxBitrateKbps":null}]}""");

        Result result = run("keys", "alice");

        assertEquals(0, result.exit(), result.err());
        assertEquals("""
                ID     LABEL  STATUS   CREATED               EXPIRES               LAST USED             ALLOWED FROM
                key_1  OBS    active   2026-11-27T00:10:14Z  -                     2026-11-27T01:00:00Z  anywhere
                key_2  -      revoked  2026-11-27T00:10:15Z  2027-01-01T00:00:00Z  -                     10.0.0.0/8
                """, result.out());
    }

    @Test
    void keyRevokePostsToTheKeysRevokeRouteWithoutABody() {
        auth.answer("POST", "/v1/channels/alice/keys/key_1/revoke", 200,
                "{\"id\":\"key_1\",\"channel\":\"alice\",\"status\":\"revoked\"}");

        Result result = run("key", "revoke", "alice", "key_1");

        assertEquals(0, result.exit(), result.err());
        assertEquals("", auth.onlyRequest().body());
        assertTrue(result.out().startsWith("Revoked key key_1 of channel alice (status revoked)"), result.out());
    }

    @Test
    void keyRotateSendsTheGraceInSecondsAndPrintsTheNewKey() throws IOException {
        auth.answer("POST", "/v1/channels/alice/keys/key_1/rotate", 201, """
                {"id":"key_2","channel":"alice","key":"tsk_new","label":null,"createdAt":"2026-11-27T12:00:00Z",
                 "expiresAt":null,"allowedCidrs":[],"maxBitrateKbps":null,"replaces":"key_1"}""");

        Result result = run("key", "rotate", "alice", "key_1", "--grace", "1h");

        assertEquals(0, result.exit(), result.err());
        assertEquals(json("{\"graceSeconds\":3600}"), json(auth.onlyRequest().body()));
        assertTrue(result.out().startsWith("Rotated: new key key_2 for channel alice; the old key key_1 keeps "
                + "working for 1h"), result.out());
        assertTrue(result.out().contains("\n  tsk_new\n"), result.out());
    }

    @Test
    void tokenMintsForTheChannelWithTheLifetimeInSeconds() throws IOException {
        auth.answer("POST", "/v1/tokens", 201,
                "{\"token\":\"v1.alice.1795738816.sig\",\"channel\":\"alice\",\"expiresAt\":\"2026-11-27T13:30:00Z\"}");

        Result result = run("token", "alice", "--ttl", "1h30m");

        assertEquals(0, result.exit(), result.err());
        assertEquals(json("{\"channel\":\"alice\",\"ttlSeconds\":5400}"), json(auth.onlyRequest().body()));
        assertTrue(result.out().startsWith("Publish token for channel alice, valid until 2026-11-27T13:30:00Z:\n\n"
                + "  v1.alice.1795738816.sig\n"), result.out());
    }

    @Test
    void tokenWithoutTtlLeavesTheLifetimeToTheService() throws IOException {
        auth.answer("POST", "/v1/tokens", 201,
                "{\"token\":\"v1.alice.1.sig\",\"channel\":\"alice\",\"expiresAt\":\"2026-11-27T13:00:00Z\"}");

        assertEquals(0, run("token", "alice").exit());
        assertEquals(json("{\"channel\":\"alice\"}"), json(auth.onlyRequest().body()));
    }

    @Test
    void liveShowsEachSessionWithItsAgeCodecsAndHlsUrl() {
        auth.answer("GET", "/v1/live", 200, """
                {"sessions":[{"channel":"demo","sessionId":"01a21a56","since":"2026-11-27T11:58:48Z","app":"live",
                  "ingestNode":"ingest-1",
                  "video":{"codec":"avc1.64001e","width":640,"height":360,"frameRate":30.0},
                  "audio":{"codec":"mp4a.40.2","sampleRate":48000,"channels":2},
                  "playbackUrls":{"hls":"http://s3/live/demo/master.m3u8","dash":"http://s3/live/demo/manifest.mpd"}}]}""");

        Result result = run("live");

        assertEquals(0, result.exit(), result.err());
        assertEquals("""
                CHANNEL  SESSION   SINCE                 FOR    VIDEO                      AUDIO                HLS
                demo     01a21a56  2026-11-27T11:58:48Z  1m12s  avc1.64001e 640x360 30fps  mp4a.40.2 48kHz 2ch  http://s3/live/demo/master.m3u8
                """, result.out());
    }

    @Test
    void liveSaysSoWhenNothingIsLive() {
        auth.answer("GET", "/v1/live", 200, "{\"sessions\":[]}");

        Result result = run("live");

        assertEquals(0, result.exit());
        assertEquals("Nothing is live.\n", result.out());
    }

    @Test
    void kickDeletesTheChannelsSessionAtTheIngest() {
        ingest.answer("DELETE", "/v1/sessions/demo", 202, """
                {"channel":"demo","sessionId":"01a21a56","app":"live","since":"2026-11-27T11:58:48Z",
                 "remoteAddress":"127.0.0.1","codecs":"avc1.64001e,mp4a.40.2","bitrateKbps":900}""");

        Result result = run("kick", "demo");

        assertEquals(0, result.exit(), result.err());
        assertEquals("Bearer " + TOKEN, ingest.onlyRequest().authorization());
        assertTrue(auth.requests().isEmpty());
        assertTrue(result.out().startsWith("Ended the live session 01a21a56 of channel demo (publisher 127.0.0.1)."),
                result.out());
    }

    @Test
    void kickOfAChannelThatIsNotLiveFailsWithTheIngestsReason() {
        ingest.answer("DELETE", "/v1/sessions/demo", 404, "{\"reason\":\"no live session on this channel here\"}");

        Result result = run("kick", "demo");

        assertEquals(1, result.exit());
        assertEquals("tributary: ingest-service: no live session on this channel here (HTTP 404)\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void aClientErrorIsOneLineWithTheServicesReasonAndCode() {
        auth.answer("POST", "/v1/channels", 409, "{\"error\":\"conflict\",\"reason\":\"channel exists\"}");

        Result result = run("channel", "create", "alice");

        assertEquals(1, result.exit());
        assertEquals("tributary: auth-service: channel exists (HTTP 409 conflict)\n", result.err());
    }

    @Test
    void aRefusedTokenSaysWhereTheTokenComesFromWithoutShowingIt() {
        auth.answer("GET", "/v1/live", 401, "{\"error\":\"unauthorized\",\"reason\":\"a valid admin token is required\"}");

        Result result = run("live");

        assertEquals(1, result.exit());
        assertTrue(result.err().startsWith("tributary: auth-service refused the admin token (HTTP 401 unauthorized)"),
                result.err());
        assertFalse(result.err().contains(TOKEN), result.err());
        assertEquals(1, result.err().lines().count());
    }

    @Test
    void anErrorPageThatIsNotJsonIsQuotedShortOnOneLine() {
        auth.answer("GET", "/v1/channels", 502, "<html>\n<body>Bad gateway " + "x".repeat(500) + "</body></html>");

        Result result = run("channels");

        assertEquals(1, result.exit());
        assertTrue(result.err().startsWith("tributary: auth-service: <html> <body>Bad gateway xxx"), result.err());
        assertTrue(result.err().endsWith("... (HTTP 502)\n"), result.err());
        assertEquals(1, result.err().lines().count());
    }

    @Test
    void unavailableSuggestsTryingAgain() {
        auth.answer("GET", "/v1/channels", 503, "{\"error\":\"unavailable\",\"reason\":\"state is loading\"}");

        Result result = run("channels");

        assertEquals("tributary: auth-service: state is loading (HTTP 503 unavailable); try again in a moment\n",
                result.err());
    }

    @Test
    void aServiceThatIsDownIsNamedWithWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of(CliEndpoints.AUTH_URL_ENV, "http://127.0.0.1:" + closedPort,
                CliEndpoints.TOKEN_ENV, TOKEN);

        Result result = runWith(env, "channels");

        assertEquals(1, result.exit());
        assertEquals("tributary: auth-service is not reachable at http://127.0.0.1:" + closedPort
                + " (connection refused); is the stack running? Start it with ./tributary up\n", result.err());
    }

    @Test
    void aStoppedStackIsNamedWhenItsServiceDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        writeStackJson(false, ProcessHandle.current().pid(), "http://127.0.0.1:" + closedPort, ingest.url(), 1, 1);

        Result result = runWith(Map.of(), "live");

        assertEquals(1, result.exit());
        assertTrue(result.err().endsWith("the stack of " + root.resolve(".tributary")
                + " is stopped; start it with ./tributary up\n"), result.err());
    }

    @Test
    void noTokenAnywhereIsAnErrorBeforeAnyRequest() {
        Result result = runWith(Map.of(CliEndpoints.AUTH_URL_ENV, auth.url()), "channels");

        assertEquals(1, result.exit());
        assertTrue(result.err().startsWith("tributary: no admin token: pass --token or set TRIBUTARY_ADMIN_TOKEN"),
                result.err());
        assertTrue(auth.requests().isEmpty());
    }

    @Test
    void flagsOverrideTheEnvironmentWhichOverridesStackJson() throws IOException {
        try (FakeService flagged = new FakeService()) {
            writeStackJson(true, ProcessHandle.current().pid(), "http://127.0.0.1:1", ingest.url(), 1, 1);
            flagged.answer("GET", "/v1/live", 200, "{\"sessions\":[]}");
            auth.answer("GET", "/v1/live", 200, "{\"sessions\":[]}");

            assertEquals(0, runWith(Map.of(CliEndpoints.AUTH_URL_ENV, auth.url()), "live").exit());
            assertEquals("Bearer stack-json-token", auth.onlyRequest().authorization());

            assertEquals(0, runWith(Map.of(CliEndpoints.AUTH_URL_ENV, auth.url(), CliEndpoints.TOKEN_ENV, "env"),
                    "live", "--auth-url", flagged.url(), "--token", "flag").exit());
            assertEquals("Bearer flag", flagged.onlyRequest().authorization());
        }
    }

    @Test
    void dataDirSelectsAnotherStacksJson() throws IOException {
        Path other = root.resolve("elsewhere");
        java.nio.file.Files.createDirectories(other);
        java.nio.file.Files.writeString(other.resolve("stack.json"), """
                {"running":true,"adminToken":"other-token","services":{"auth":"%s"}}""".formatted(auth.url()));
        auth.answer("GET", "/v1/channels", 200, "{\"channels\":[]}");

        Result result = runWith(Map.of(), "channels", "--data-dir", "elsewhere");

        assertEquals(0, result.exit(), result.err());
        assertEquals("Bearer other-token", auth.onlyRequest().authorization());
        assertEquals("No channels. Make one with ./tributary channel create NAME\n", result.out());
    }

    @Test
    void statusReportsEveryPartUpAndExitsZero() throws IOException {
        for (FakeService service : List.of(auth, ingest)) {
            service.answer("GET", "/q/health/ready", 200, "{\"status\":\"UP\",\"checks\":[]}");
        }
        try (ServerSocket kafka = new ServerSocket(0); ServerSocket s3 = new ServerSocket(0)) {
            writeStackJson(true, ProcessHandle.current().pid(), auth.url(), ingest.url(), kafka.getLocalPort(),
                    s3.getLocalPort());

            Result result = runWith(Map.of(), "status");

            assertEquals(0, result.exit(), result.out() + result.err());
            assertTrue(result.out().startsWith("Tributary (" + root.resolve(".tributary")
                    + "): up since 2026-11-27T11:00:00Z (launcher pid " + ProcessHandle.current().pid() + ")"),
                    result.out());
            assertRow(result.out(), "kafka", "127.0.0.1:" + kafka.getLocalPort(), "reachable");
            assertRow(result.out(), "s3", "127.0.0.1:" + s3.getLocalPort(), "reachable");
            assertRow(result.out(), "auth", auth.url(), "UP");
            assertRow(result.out(), "ingest", ingest.url(), "UP");
            assertTrue(result.out().contains("RTMP ingest rtmp://127.0.0.1:11935/live"), result.out());
        }
    }

    @Test
    void statusNamesTheServiceThatIsNotReadyAndItsFailingCheck() throws IOException {
        auth.answer("GET", "/q/health/ready", 200, "{\"status\":\"UP\",\"checks\":[]}");
        ingest.answer("GET", "/q/health/ready", 503, """
                {"status":"DOWN","checks":[{"name":"Kafka connection health check","status":"DOWN"},
                                           {"name":"rtmp","status":"UP"}]}""");
        try (ServerSocket kafka = new ServerSocket(0); ServerSocket s3 = new ServerSocket(0)) {
            writeStackJson(true, ProcessHandle.current().pid(), auth.url(), ingest.url(), kafka.getLocalPort(),
                    s3.getLocalPort());

            Result result = runWith(Map.of(), "status", "--json");

            assertEquals(1, result.exit());
            JsonNode status = json(result.out());
            assertFalse(status.path("healthy").asBoolean());
            assertTrue(status.path("running").asBoolean());
            JsonNode ingestPart = status.path("parts").get(3);
            assertEquals("ingest", ingestPart.path("name").asText());
            assertEquals("not ready (HTTP 503: Kafka connection health check)", ingestPart.path("state").asText());
        }
    }

    @Test
    void statusOfAStackWhoseLauncherIsGoneSaysItIsNotRunning() throws IOException {
        writeStackJson(true, deadPid(), auth.url(), ingest.url(), 1, 1);

        Result result = runWith(Map.of(), "status");

        assertEquals(1, result.exit());
        assertTrue(result.out().contains("not running: its launcher (pid "), result.out());
    }

    @Test
    void statusWithoutStackJsonSaysHowToStartTheStack() {
        Result result = runWith(Map.of(), "status");

        assertEquals(1, result.exit());
        assertEquals("Tributary is not running from " + root.resolve(".tributary")
                + " (no stack.json there). Start it with ./tributary up\n", result.out());
    }

    @Test
    void commandLineMistakesExitTwoWithTheUsage() {
        assertUsage(run("nonsense"), "tributary: unknown command 'nonsense'; see ./tributary help\n");
        assertUsage(run("key"), "tributary: 'key' needs one of: create, revoke, rotate; see ./tributary help\n");
        assertUsage(run("key", "revoke", "alice"), "tributary: usage: ./tributary key revoke CHANNEL KEYID\n");
        assertUsage(run("channels", "--label", "x"), "tributary: 'channels' has no option --label; "
                + "see ./tributary help\n");
        assertUsage(run("token", "alice", "--ttl"), "tributary: --ttl needs a value; see ./tributary help\n");
        assertUsage(run("key", "create", "alice", "--max-bitrate", "fast"),
                "tributary: --max-bitrate must be a positive whole number, not 'fast'\n");
        assertTrue(auth.requests().isEmpty());
    }

    @Test
    void helpOfACommandPrintsItsUsage() {
        Result result = run("key", "create", "--help");

        assertEquals(0, result.exit());
        assertTrue(result.out().startsWith("Usage: ./tributary key create CHANNEL [--label L] [--expires-in DURATION]"
                + " [--allow CIDR] [--max-bitrate KBPS] [--json]"), result.out());
    }

    @Test
    void handlesOnlyItsOwnCommandWords() {
        for (String word : List.of("status", "channels", "channel", "keys", "key", "token", "live", "kick")) {
            assertTrue(Cli.handles(word), word);
        }
        for (String word : List.of("up", "help", "", "ke", "create")) {
            assertFalse(Cli.handles(word), word);
        }
    }

    /** A table row with exactly these cells, whatever the column widths. */
    private static void assertRow(String table, String... cells) {
        List<String> expected = List.of(cells);
        assertTrue(table.lines().anyMatch(line -> List.of(line.trim().split("\\s+")).equals(expected)),
                "no row " + expected + " in\n" + table);
    }

    private static void assertUsage(Result result, String message) {
        assertEquals(CliException.USAGE, result.exit(), result.err());
        assertEquals(message, result.err());
    }

    private void writeStackJson(boolean running, long pid, String authUrl, String ingestUrl, int kafkaPort,
            int s3Port) throws IOException {
        Path dir = root.resolve(".tributary");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("stack.json"), """
                {"schemaVersion":1,"running":%s,"startedAt":"2026-11-27T11:00:00.123456Z","launcherPid":%d,
                 "dataDir":"%s","rtmpUrl":"rtmp://127.0.0.1:11935/live","rtmpsUrl":"rtmps://127.0.0.1:11936/live",
                 "kafkaBootstrap":"127.0.0.1:%d",
                 "s3":{"endpoint":"http://127.0.0.1:%d","bucket":"tributary","region":"us-east-1",
                       "accessKey":"A","secretKey":"S"},
                 "adminToken":"stack-json-token",
                 "services":{"auth":"%s","ingest":"%s"},
                 "demo":null}""".formatted(running, pid, dir, kafkaPort, s3Port, authUrl, ingestUrl));
    }

    /** A pid that is not running: a process we started and waited for. */
    private static long deadPid() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }
}
