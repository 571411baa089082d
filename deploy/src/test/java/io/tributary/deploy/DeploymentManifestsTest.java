package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.deploy.manifests.ComposeFile;
import io.tributary.deploy.manifests.ComposeService;
import io.tributary.deploy.manifests.ConfigKey;
import io.tributary.deploy.manifests.DotEnvFile;
import io.tributary.deploy.manifests.ExpectedService;
import io.tributary.deploy.manifests.ExternalTool;
import io.tributary.deploy.manifests.KubernetesChecks;
import io.tributary.deploy.manifests.KubernetesObjects;
import io.tributary.deploy.manifests.Kustomization;
import io.tributary.deploy.manifests.ServiceConfiguration;
import io.tributary.deploy.manifests.YamlDocuments;
import io.tributary.deploy.manifests.YamlTree;
import io.tributary.media.event.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, deploy/docker and deploy/kubernetes checked without Docker or a cluster: parsed, then held
 * against what the services really read (their application.properties and @ConfigMapping sources), what the local
 * stack gives them ({@link StackLauncher#serviceEnvironment}, {@link StackPort}), and the topic settings of
 * {@code TopicCatalog}. Where docker-compose, kubectl/kustomize or kubeconform are installed, they validate too;
 * elsewhere those tests are skipped with a message saying what to install.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Path ENV_EXAMPLE = ROOT.resolve("deploy/docker/.env.example");
    private static final Path DOCKERFILE = ROOT.resolve("deploy/docker/service.Dockerfile");
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path OPERATING_GUIDE = ROOT.resolve("docs/operating.md");

    /** The containers around the five services in docker-compose.yml, and which of them runs once and exits. */
    private static final String KAFKA = "kafka";
    private static final String MINIO = "minio";
    private static final String BUCKET_SETUP = "minio-setup";

    /** Who serves each port of the local stack in docker-compose.yml (the services serve their own HTTP port). */
    private static final Map<StackPort, String> INFRASTRUCTURE_PORTS = Map.of(
            StackPort.RTMP, "ingest", StackPort.RTMPS, "ingest", StackPort.KAFKA, KAFKA, StackPort.S3, MINIO);
    /** The stream-gops consumers, which scale with load (auth-service uses object storage too, but only to sign). */
    private static final Set<StackService> GOP_CONSUMERS = Set.of(StackService.TRANSCODE, StackService.THUMBNAIL,
            StackService.ARCHIVE);
    /** The KRaft controller listener stays inside the Kafka container: no client ever connects to it. */
    private static final Set<StackPort> UNPUBLISHED_PORTS = Set.of(StackPort.KAFKA_CONTROLLER);

    /**
     * The launcher binds everything to 127.0.0.1 because the whole stack is on one host; in a container the service
     * must listen on every interface, which the image sets (QUARKUS_HTTP_HOST=0.0.0.0).
     */
    private static final Set<String> LOOPBACK_ONLY_VARIABLES = Set.of("QUARKUS_HTTP_HOST",
            // the local stack makes a self-signed RTMPS keystore; a deployment may mount a PEM pair instead
            "TRIBUTARY_INGEST_TLS_KEYSTORE_PATH", "TRIBUTARY_INGEST_TLS_GENERATE_SELF_SIGNED");

    /** Credentials: compose must take them from .env and refuse to start without them, never default them. */
    private static final Set<String> SECRET_VARIABLES = Set.of("TRIBUTARY_AUTH_ADMIN_TOKEN", "TRIBUTARY_S3_ACCESS_KEY",
            "TRIBUTARY_S3_SECRET_KEY", "TRIBUTARY_INGEST_AUTH_TOKEN", "TRIBUTARY_INGEST_ADMIN_TOKEN",
            "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

    /** The owner of each topic creates it (docs/architecture.md, Topics) and configures its partitions. */
    private static final Map<String, StackService> TOPIC_OWNERS = Map.of(
            Topics.STREAM_STARTED, StackService.INGEST, Topics.STREAM_STOPPED, StackService.INGEST,
            Topics.STREAM_GOPS, StackService.INGEST, Topics.SEGMENT_PUBLISHED, StackService.TRANSCODE,
            Topics.THUMBNAIL_PUBLISHED, StackService.THUMBNAIL, Topics.ARCHIVE_READY, StackService.ARCHIVE,
            Topics.STREAM_KEYS, StackService.AUTH, Topics.STREAM_KEY_REVOKED, StackService.AUTH);

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    /** Read once for all tests: the sources scan and the parse are the slow part. */
    private static final ComposeFile COMPOSE = ComposeFile.read(COMPOSE_FILE);
    private static final Map<StackService, ExpectedService> EXPECTED = expectedServices();


    // ---- docker-compose.yml ---------------------------------------------------------------------------------------

    @Test
    void composeRunsKafkaMinioTheBucketSetupAndTheFiveServices() {
        Set<String> wanted = new TreeSet<>(Set.of(KAFKA, MINIO, BUCKET_SETUP));
        for (StackService service : StackService.values()) {
            wanted.add(service.shortName());
        }
        assertEquals(wanted, COMPOSE.serviceNames());
        assertEquals("apache/kafka:4.1.1", COMPOSE.service(KAFKA).image().orElse(""));
        assertTrue(COMPOSE.service(MINIO).image().orElse("").startsWith("minio/minio:"));
        assertTrue(COMPOSE.service(BUCKET_SETUP).image().orElse("").startsWith("minio/mc:"));
    }

    @Test
    void composeUsesOnlyWhatDockerCompose129Validates() {
        // docker-compose 1.29 validates against the v1 schema: newer keys fail `config` (STACK-NOTES.md §5)
        Set<String> allowedTopLevel = Set.of("version", "services", "volumes", "networks", "secrets", "configs");
        Set<String> unexpected = new TreeSet<>(COMPOSE.topLevelKeys());
        unexpected.removeIf(key -> allowedTopLevel.contains(key) || key.startsWith("x-"));
        assertEquals(Set.of(), unexpected, "top-level keys docker-compose 1.29 rejects (e.g. include)");
        for (String name : COMPOSE.serviceNames()) {
            assertFalse(COMPOSE.service(name).definition().containsKey("develop"), name + " uses develop:");
        }
    }

    @Test
    void composePublishesEveryPortOfTheLocalStack() {
        for (StackPort port : StackPort.values()) {
            if (UNPUBLISHED_PORTS.contains(port)) {
                continue;
            }
            String owner = INFRASTRUCTURE_PORTS.containsKey(port) ? INFRASTRUCTURE_PORTS.get(port)
                    : serviceOfPort(port).shortName();
            List<ComposeService.PortMapping> ports = COMPOSE.service(owner).publishedPorts();
            assertTrue(ports.stream().anyMatch(p -> p.published() == port.defaultPort()),
                    owner + " must publish " + port.description() + " on host port " + port.defaultPort()
                            + " like ./tributary up; publishes " + ports);
        }
        for (StackService service : StackService.values()) {
            int http = service.port().defaultPort();
            assertTrue(COMPOSE.service(service.shortName()).publishedPorts()
                            .contains(new ComposeService.PortMapping(http, http)),
                    service.shortName() + " must publish its HTTP port as " + http + ":" + http);
        }
    }

    @Test
    void composeGivesEachServiceTheEnvironmentTheLocalStackGivesIt() {
        for (ExpectedService service : EXPECTED.values()) {
            Map<String, String> environment = COMPOSE.service(service.name()).environment();
            for (String variable : service.environment()) {
                assertTrue(environment.containsKey(variable),
                        service.name() + " lacks " + variable + ", which ./tributary up sets (StackLauncher)");
            }
            // ports are the local stack's: the same numbers in the container as on the host
            Map<String, String> launched = launcherEnvironment(serviceOf(service.name()));
            launched.forEach((variable, value) -> {
                if (variable.endsWith("_PORT")) {
                    assertEquals(value, environment.get(variable), service.name() + " " + variable);
                }
            });
        }
    }

    @Test
    void everyTributaryVariableInComposeIsAConfigurationKeyOfItsService() {
        List<String> unknown = new ArrayList<>();
        for (ExpectedService service : EXPECTED.values()) {
            for (String variable : COMPOSE.service(service.name()).environment().keySet()) {
                if (variable.startsWith("TRIBUTARY_") && !service.configuration().accepts(variable)) {
                    unknown.add(service.name() + ": " + variable);
                }
            }
        }
        assertEquals(List.of(), unknown, "variables that configure nothing (a typo, or a key that was renamed)");
    }

    @Test
    void composeRequiresTheSecretsFromDotEnvAndDefaultsNone() {
        Map<String, String> example = DotEnvFile.read(ENV_EXAMPLE);
        for (String name : COMPOSE.serviceNames()) {
            COMPOSE.service(name).environment().forEach((variable, value) -> {
                if (SECRET_VARIABLES.contains(variable)) {
                    Matcher required = REQUIRED_VARIABLE.matcher(value);
                    assertTrue(required.matches(), name + " " + variable + " must be ${NAME:?message}, is " + value);
                    assertTrue(example.containsKey(required.group(1)),
                            required.group(1) + " is required but not in " + ENV_EXAMPLE);
                    assertEquals("", example.get(required.group(1)),
                            ENV_EXAMPLE + " must leave " + required.group(1) + " empty: a committed value gets reused");
                }
                assertFalse(value.contains("minioadmin"), name + " " + variable + " uses MinIO's stock credentials");
            });
        }
    }

    @Test
    void composeHealthChecksEveryLongRunningContainer() {
        for (String name : COMPOSE.serviceNames()) {
            ComposeService service = COMPOSE.service(name);
            if (service.restart().orElse("").equals("no")) {
                continue; // a one-shot job: it exits, and dependants wait for it to succeed instead
            }
            assertTrue(service.hasHealthCheck(), name + " has no healthcheck");
        }
        for (ExpectedService service : EXPECTED.values()) {
            String command = COMPOSE.service(service.name()).healthCheckCommand().orElse("");
            assertTrue(command.contains(":" + service.httpPort() + "/q/health/ready"),
                    service.name() + " must check /q/health/ready on its port " + service.httpPort() + ": " + command);
        }
    }

    @Test
    void composeDependenciesExistAndWaitForHealthOrCompletion() {
        Pattern address = Pattern.compile("(?:^|//)([a-z][a-z0-9-]*):(\\d+)");
        for (String name : COMPOSE.serviceNames()) {
            ComposeService service = COMPOSE.service(name);
            service.dependsOn().forEach((target, condition) -> {
                assertTrue(COMPOSE.hasService(target), name + " depends on unknown service " + target);
                ComposeService dependency = COMPOSE.service(target);
                if (dependency.restart().orElse("").equals("no")) {
                    assertEquals("service_completed_successfully", condition, name + " -> " + target);
                } else {
                    assertEquals("service_healthy", condition, name + " -> " + target);
                    assertTrue(dependency.hasHealthCheck(), target + " has no healthcheck to wait for");
                }
            });
            // a service that talks to another waits for it
            service.environment().forEach((variable, value) -> {
                Matcher host = address.matcher(value);
                if (host.find() && COMPOSE.hasService(host.group(1)) && !host.group(1).equals(name)) {
                    assertTrue(service.dependsOn().containsKey(host.group(1)),
                            name + " uses " + host.group(1) + " (" + variable + ") without depends_on");
                }
            });
        }
        for (ExpectedService service : EXPECTED.values()) {
            if (service.environment().contains("TRIBUTARY_S3_ENDPOINT")) {
                assertEquals("service_completed_successfully",
                        COMPOSE.service(service.name()).dependsOn().get(BUCKET_SETUP),
                        service.name() + " writes to the bucket: it must wait for " + BUCKET_SETUP);
            }
        }
    }

    @Test
    void composeBuildsEachServiceFromItsModuleWithTheServiceDockerfile() throws IOException {
        for (ExpectedService service : EXPECTED.values()) {
            ComposeService definition = COMPOSE.service(service.name());
            assertEquals(".", definition.buildContext().orElse(""), service.name() + " build context");
            Path dockerfile = ROOT.resolve(definition.buildDockerfile().orElse("(none)"));
            assertEquals(DOCKERFILE, dockerfile.normalize(), service.name() + " dockerfile");
            Map<String, String> args = definition.buildArgs();
            assertEquals(service.module(), args.get("MODULE"), service.name() + " MODULE");
            assertEquals(String.valueOf(service.httpPort()), args.get("HTTP_PORT"), service.name() + " HTTP_PORT");
            // the bundled ffmpeg needs libpulse0: exactly the modules that use media-ffmpeg install it
            boolean runsFfmpeg = Files.readString(ROOT.resolve(service.module()).resolve("pom.xml"))
                    .contains("<artifactId>media-ffmpeg</artifactId>");
            assertEquals(String.valueOf(runsFfmpeg), args.getOrDefault("WITH_FFMPEG", "false"),
                    service.name() + " WITH_FFMPEG");
            assertTrue(definition.image().orElse("").contains(service.module()), service.name() + " image name");
        }
    }

    @Test
    void composeKafkaIsOneKraftNodeWithLargeRecordsAndNoAutoCreation() {
        Map<String, String> environment = COMPOSE.service(KAFKA).environment();
        assertEquals("broker,controller", environment.get("KAFKA_PROCESS_ROLES"));
        assertEquals("16777216", environment.get("KAFKA_MESSAGE_MAX_BYTES"));
        assertEquals("false", environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        // a single broker: internal topics with the default replication factor of 3 would never be created
        assertEquals("1", environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
        assertTrue(environment.get("KAFKA_ADVERTISED_LISTENERS").contains("localhost:" + StackPort.KAFKA.defaultPort()),
                "host clients reach Kafka on localhost:9092 as with ./tributary up");
    }

    @Test
    void composeBucketSetupMakesOnlyLiveAndThumbnailsPublic() {
        String script = String.valueOf(COMPOSE.service(BUCKET_SETUP).definition().get("command"));
        Set<String> publicPaths = new TreeSet<>();
        Matcher anonymous = Pattern.compile("mc anonymous set (\\w+) (\\S+)").matcher(script);
        while (anonymous.find()) {
            assertEquals("download", anonymous.group(1), "public prefixes are read-only");
            publicPaths.add(anonymous.group(2));
        }
        assertEquals(Set.of("tributary/tributary/live/", "tributary/tributary/thumbnails/"), publicPaths);
        assertTrue(script.contains("mc mb --ignore-existing tributary/tributary"), "creates the bucket, idempotently");
        // community MinIO has no bucket CORS (PutBucketCors is NotImplemented): the server-wide setting does it
        assertTrue(COMPOSE.service(MINIO).environment().containsKey("MINIO_API_CORS_ALLOW_ORIGIN"));
    }

    @Test
    void dockerfileRunsTheQuarkusFastJarAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), "Java 17 JRE base");
        for (String part : List.of("lib/", "app/", "quarkus/", "quarkus-run.jar")) {
            assertTrue(dockerfile.contains("${MODULE}/target/quarkus-app/" + part), "copies quarkus-app/" + part);
        }
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertTrue(user.find(), "a USER instruction");
        assertFalse(user.group(1).startsWith("root") || user.group(1).startsWith("0"), "runs as " + user.group(1));
        assertTrue(dockerfile.contains("libpulse0"), "installs libpulse0 for the bundled ffmpeg");
        assertTrue(dockerfile.contains("--no-install-recommends"));
        assertTrue(dockerfile.contains("-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp"));
        assertTrue(dockerfile.contains("/q/health/ready") && dockerfile.contains("HEALTHCHECK"));
        assertTrue(dockerfile.contains("EXPOSE ${HTTP_PORT}"));
    }

    @Test
    void dockerComposeConfigAcceptsTheFile() {
        Optional<Path> dockerCompose = ExternalTool.onPath("docker-compose");
        assumeTrue(dockerCompose.isPresent(), "docker-compose is not installed (apt-get install -y docker-compose): "
                + "skipping `docker-compose config -q`; the YAML checks above still ran");
        // placeholders for the secrets .env.example leaves empty; the values themselves are never used
        Map<String, String> secrets = Map.of("TRIBUTARY_AUTH_ADMIN_TOKEN", "validation-only-token",
                "TRIBUTARY_S3_ACCESS_KEY", "VALIDATIONONLY", "TRIBUTARY_S3_SECRET_KEY", "validation-only-secret");
        ExternalTool.Result result = ExternalTool.run(List.of(dockerCompose.get().toString(), "--project-directory",
                ROOT.toString(), "--env-file", ENV_EXAMPLE.toString(), "-f", COMPOSE_FILE.toString(), "config", "-q"),
                ROOT, secrets, "", TOOL_TIMEOUT);
        assertTrue(result.succeeded(), "docker-compose config -q failed:\n" + result.output());
    }

    // ---- deploy/kubernetes ----------------------------------------------------------------------------------------

    @Test
    void everyKubernetesYamlParsesAndNamesItsApiVersionKindAndName() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : kubernetesYamlFiles()) {
            List<Map<String, Object>> documents = YamlDocuments.read(file);
            if (file.getFileName().toString().equals(Kustomization.FILE_NAME)) {
                documents.forEach(d -> {
                    if (YamlTree.textAt(d, "apiVersion").isEmpty() || YamlTree.textAt(d, "kind").isEmpty()) {
                        problems.add(file + ": a kustomization needs apiVersion and kind");
                    }
                });
                continue;
            }
            assertFalse(documents.isEmpty(), file + " is empty");
            new KubernetesChecks(new KubernetesObjects(documents), List.of(), Map.of(), Map.of()).identities()
                    .forEach(problem -> problems.add(ROOT.relativize(file) + ": " + problem));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void kustomizationsNameOnlyFilesThatExistAndEveryFileBesideThem() {
        List<Kustomization> kustomizations = Kustomization.findAll(KUBERNETES);
        assertTrue(kustomizations.size() >= 3, "base, components and overlays: " + kustomizations);
        for (Kustomization kustomization : kustomizations) {
            assertEquals(List.of(), kustomization.missingReferences(), kustomization.dir() + " names missing files");
            assertEquals(List.of(), kustomization.unreferencedYamlFiles(),
                    kustomization.dir() + " has YAML files it does not use (forgotten, or stale)");
        }
        Kustomization base = Kustomization.read(KUBERNETES.resolve("base"));
        assertEquals(Optional.of("tributary"), base.namespace());
    }

    @Test
    void baseRunsEachServiceWithQuarkusHealthProbesResourcesAndNoRoot() {
        assertNoProblems(baseChecks().serviceWorkloads());
    }

    @Test
    void baseServicesTargetPortsTheirPodsExpose() {
        assertNoProblems(baseChecks().servicePorts());
    }

    @Test
    void baseGivesEachServiceOnlyRealConfigurationKeysAndTheLocalStacksVariables() {
        assertNoProblems(baseChecks().environment());
    }

    @Test
    void baseReadsCredentialsOnlyFromTheTemplatedSecrets() {
        assertNoProblems(baseChecks().secrets());
    }

    @Test
    void baseKafkaTopicsHaveTheTopicCatalogSettings() {
        assertNoProblems(baseChecks().kafkaTopics());
    }

    @Test
    void baseExposesRtmpThroughALoadBalancerThatKeepsClientAddresses() {
        assertNoProblems(baseChecks().edgeLoadBalancers());
    }

    @Test
    void baseAutoscalesTheWorkersOnCpuWithinTheGopPartitions() {
        assertNoProblems(baseChecks().workerAutoscaling());
    }

    @Test
    void baseDrainsIngestOnePodAtATime() {
        assertNoProblems(baseChecks().edgeDraining());
    }

    @Test
    void everyOverlayRendersAndPassesTheSameChecks() {
        Optional<List<String>> render = renderCommand();
        assumeTrue(render.isPresent(), "neither kustomize nor kubectl is installed: skipping rendering the overlays; "
                + "the base checks above still ran");
        for (Path overlay : overlays()) {
            KubernetesObjects rendered = new KubernetesObjects(YamlDocuments.parse(render(render.get(), overlay),
                    "kustomize build " + overlay));
            List<String> problems = new ArrayList<>();
            checks(rendered).all().forEach(problem -> problems.add(ROOT.relativize(overlay) + ": " + problem));
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void kubeconformAcceptsEveryRenderedOverlay() {
        Optional<Path> kubeconform = ExternalTool.onPath("kubeconform");
        Optional<List<String>> render = renderCommand();
        assumeTrue(kubeconform.isPresent() && render.isPresent(), "kubeconform (and kubectl or kustomize) not installed: "
                + "skipping the schema check; the structural checks above still ran");
        for (Path overlay : overlays()) {
            // Strimzi's resources have no schema in kubeconform's default location: checked structurally above
            ExternalTool.Result result = ExternalTool.run(List.of(kubeconform.get().toString(), "-strict", "-summary",
                    "-ignore-missing-schemas", "-"), ROOT, Map.of(), render(render.get(), overlay), TOOL_TIMEOUT);
            assertTrue(result.succeeded(), "kubeconform rejected " + overlay + ":\n" + result.output());
        }
    }

    // ---- docs/operating.md ----------------------------------------------------------------------------------------

    @Test
    void operatingGuideDocumentsEveryConfigurationKeyOfEveryService() throws IOException {
        String guide = Files.readString(OPERATING_GUIDE);
        List<String> undocumented = new ArrayList<>();
        for (ExpectedService service : EXPECTED.values()) {
            for (ConfigKey key : service.configuration().keysStartingWith("tributary.")) {
                // a map's keys are documented as `prefix.<name>...`
                String documented = key.isWildcard() ? "`" + key.name().substring(0, key.name().length() - 1)
                        : "`" + key.name() + "`";
                if (!guide.contains(documented)) {
                    undocumented.add(service.module() + ": " + key.name());
                }
            }
        }
        assertEquals(List.of(), undocumented, "keys missing from " + OPERATING_GUIDE + " (add a row to the table)");
    }

    // ---- the expectations -----------------------------------------------------------------------------------------

    private static Map<StackService, ExpectedService> expectedServices() {
        Map<StackService, ExpectedService> services = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            Map<String, Integer> edgePorts = service == StackService.INGEST
                    ? Map.of("rtmp", StackPort.RTMP.defaultPort(), "rtmps", StackPort.RTMPS.defaultPort())
                    : Map.of();
            Set<String> environment = new TreeSet<>(launcherEnvironment(service).keySet());
            environment.removeAll(LOOPBACK_ONLY_VARIABLES);
            services.put(service, new ExpectedService(service.shortName(), service.module(), service.port().defaultPort(),
                    edgePorts, environment, GOP_CONSUMERS.contains(service),
                    ServiceConfiguration.of(ROOT.resolve(service.module()))));
        }
        return services;
    }

    /** What ./tributary up sets for {@code service} with the default ports. */
    private static Map<String, String> launcherEnvironment(StackService service) {
        StackLayout layout = StackLayout.parse(ROOT, List.of(), Map.of());
        StackLauncher launcher = new StackLauncher(layout, new PrintStream(OutputStream.nullOutputStream()));
        return launcher.serviceEnvironment(service, StackSecrets.generate(new SecureRandom()));
    }

    private KubernetesChecks baseChecks() {
        Kustomization base = Kustomization.read(KUBERNETES.resolve("base"));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path resource : base.referencedPaths()) {
            documents.addAll(YamlDocuments.read(resource));
        }
        return checks(new KubernetesObjects(documents));
    }

    private KubernetesChecks checks(KubernetesObjects objects) {
        Map<String, String> owners = new TreeMap<>();
        TOPIC_OWNERS.forEach((topic, owner) -> owners.put(topic, owner.shortName()));
        return new KubernetesChecks(objects, List.copyOf(EXPECTED.values()), secretTemplates(), owners);
    }

    /** Secret name to keys, from the committed templates (deploy/kubernetes/secrets). */
    private static Map<String, Set<String>> secretTemplates() {
        Map<String, Set<String>> templates = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(KUBERNETES.resolve("secrets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> document : YamlDocuments.read(file)) {
                    if (KubernetesObjects.kind(document).equals("Secret")) {
                        Set<String> keys = new TreeSet<>(YamlTree.mapAt(document, "stringData").keySet());
                        keys.addAll(YamlTree.mapAt(document, "data").keySet());
                        templates.put(KubernetesObjects.name(document), keys);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret templates", e);
        }
        assertFalse(templates.isEmpty(), "no Secret templates in deploy/kubernetes/secrets");
        return templates;
    }

    private static List<Path> kubernetesYamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            List<Path> overlays = dirs.filter(d -> Files.isRegularFile(d.resolve(Kustomization.FILE_NAME))).sorted().toList();
            assertFalse(overlays.isEmpty(), "no overlays");
            return overlays;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the overlays", e);
        }
    }

    /** {@code kustomize build} or {@code kubectl kustomize}, whichever is installed. */
    private static Optional<List<String>> renderCommand() {
        return ExternalTool.onPath("kustomize").map(k -> List.of(k.toString(), "build"))
                .or(() -> ExternalTool.onPath("kubectl").map(k -> List.of(k.toString(), "kustomize")));
    }

    private static String render(List<String> command, Path overlay) {
        List<String> full = new ArrayList<>(command);
        full.add(overlay.toString());
        ExternalTool.Result result = ExternalTool.run(full, ROOT, Map.of(), "", TOOL_TIMEOUT);
        assertTrue(result.succeeded(), String.join(" ", full) + " failed:\n" + result.output());
        return result.stdout();
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems));
    }

    private static StackService serviceOf(String shortName) {
        return Stream.of(StackService.values()).filter(s -> s.shortName().equals(shortName)).findFirst().orElseThrow();
    }

    private static StackService serviceOfPort(StackPort port) {
        Map<StackPort, StackService> byPort = Stream.of(StackService.values())
                .collect(Collectors.toMap(StackService::port, Function.identity()));
        StackService service = byPort.get(port);
        if (service == null) {
            throw new IllegalStateException("no owner for " + port + ": add it to INFRASTRUCTURE_PORTS");
        }
        return service;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
