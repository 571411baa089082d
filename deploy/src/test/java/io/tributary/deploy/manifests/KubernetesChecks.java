package io.tributary.deploy.manifests;

import io.tributary.kafka.TopicCatalog;
import io.tributary.media.event.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules a set of Kubernetes objects (the base, or an overlay as kustomize renders it) must follow to run
 * Tributary as the services expect. Each check returns its problems, one line each, so a failure names all of them.
 */
public final class KubernetesChecks {
    private static final String READY = "/q/health/ready";
    private static final String LIVE = "/q/health/live";
    /** Names that hold credentials: they belong in a Secret, never in a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|ACCESS_KEY).*");

    private final KubernetesObjects objects;
    private final List<ExpectedService> services;
    private final Map<String, Set<String>> secretTemplates;
    private final Map<String, String> topicOwners;

    /**
     * @param secretTemplates  the Secrets operators create (name to keys), from the committed templates
     * @param topicOwners      topic to the name of the service that creates it and whose configuration sets its
     *                         partitions and replication factor
     */
    public KubernetesChecks(KubernetesObjects objects, List<ExpectedService> services,
            Map<String, Set<String>> secretTemplates, Map<String, String> topicOwners) {
        this.objects = objects;
        this.services = List.copyOf(services);
        this.secretTemplates = Map.copyOf(secretTemplates);
        this.topicOwners = Map.copyOf(topicOwners);
    }

    public List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(identities());
        problems.addAll(serviceWorkloads());
        problems.addAll(servicePorts());
        problems.addAll(environment());
        problems.addAll(secrets());
        problems.addAll(kafkaTopics());
        problems.addAll(edgeLoadBalancers());
        problems.addAll(workerAutoscaling());
        problems.addAll(edgeDraining());
        return problems;
    }

    /** Every object has apiVersion, kind and metadata.name. */
    public List<String> identities() {
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (Map<String, Object> document : objects.documents()) {
            index++;
            for (String[] path : List.of(new String[] {"apiVersion"}, new String[] {"kind"},
                    new String[] {"metadata", "name"})) {
                if (YamlTree.textAt(document, path).filter(text -> !text.isBlank()).isEmpty()) {
                    problems.add("object " + index + " (" + KubernetesObjects.describe(document) + ") has no "
                            + String.join(".", path));
                }
            }
        }
        return problems;
    }

    /** Each service runs as a Deployment with Quarkus health probes on its HTTP port, resources, and no root. */
    public List<String> serviceWorkloads() {
        List<String> problems = new ArrayList<>();
        for (ExpectedService service : services) {
            Optional<Workload> found = objects.workload("Deployment", service.name());
            if (found.isEmpty()) {
                problems.add("no Deployment " + service.name());
                continue;
            }
            Workload deployment = found.get();
            Optional<Map<String, Object>> container = containerWithPort(deployment, service.httpPort());
            if (container.isEmpty()) {
                problems.add("Deployment " + service.name() + ": no container exposes port " + service.httpPort());
                continue;
            }
            String where = "Deployment " + service.name() + ": ";
            Map<String, Integer> ports = Workload.ports(container.get());
            problems.addAll(probe(where, container.get(), "readinessProbe", READY, ports, service.httpPort()));
            problems.addAll(probe(where, container.get(), "livenessProbe", LIVE, ports, service.httpPort()));
            YamlTree.textAt(container.get(), "startupProbe", "httpGet", "path")
                    .filter(path -> !path.startsWith("/q/health"))
                    .ifPresent(path -> problems.add(where + "startupProbe on " + path + ", not /q/health/..."));
            String httpPort = Workload.environment(container.get(), objects).get("QUARKUS_HTTP_PORT");
            if (!String.valueOf(service.httpPort()).equals(httpPort)) {
                problems.add(where + "QUARKUS_HTTP_PORT is " + httpPort + ", the service's port is " + service.httpPort());
            }
            if (!YamlTree.textAt(container.get(), "image").orElse("").contains(service.module())) {
                problems.add(where + "image " + YamlTree.textAt(container.get(), "image").orElse("(none)")
                        + " is not the " + service.module() + " image");
            }
            // {SERVICE}_PORT variables of service links would fall into the services' configuration namespace
            if (!YamlTree.textAt(deployment.podSpec(), "enableServiceLinks").orElse("true").equals("false")) {
                problems.add(where + "enableServiceLinks must be false");
            }
            boolean nonRoot = YamlTree.textAt(deployment.podSpec(), "securityContext", "runAsNonRoot").orElse("false")
                    .equals("true")
                    || YamlTree.textAt(container.get(), "securityContext", "runAsNonRoot").orElse("false").equals("true");
            if (!nonRoot) {
                problems.add(where + "runAsNonRoot is not set");
            }
        }
        for (Workload workload : objects.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                for (String[] path : List.of(new String[] {"resources", "requests", "cpu"},
                        new String[] {"resources", "requests", "memory"}, new String[] {"resources", "limits", "memory"})) {
                    if (YamlTree.at(container, path).isEmpty()) {
                        problems.add(workload.kind() + " " + workload.name() + ": container "
                                + YamlTree.textAt(container, "name").orElse("?") + " has no " + String.join(".", path));
                    }
                }
            }
        }
        return problems;
    }

    /** Every Service selects pods, and each of its target ports is a port those pods' containers expose. */
    public List<String> servicePorts() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : objects.ofKind("Service")) {
            String where = "Service " + KubernetesObjects.name(service) + ": ";
            Map<String, Object> selector = YamlTree.mapAt(service, "spec", "selector");
            List<Workload> selected = objects.workloads().stream().filter(w -> w.matches(selector)).toList();
            if (selected.isEmpty()) {
                problems.add(where + "selects no workload (selector " + selector + ")");
                continue;
            }
            for (Object port : YamlTree.listAt(service, "spec", "ports")) {
                String target = YamlTree.textAt(port, "targetPort").or(() -> YamlTree.textAt(port, "port")).orElse("?");
                for (Workload workload : selected) {
                    boolean exposed = workload.containers().stream().anyMatch(c -> Workload.ports(c).containsKey(target));
                    if (!exposed) {
                        problems.add(where + "targetPort " + target + " is not a container port of "
                                + workload.kind() + " " + workload.name());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Each service gets the environment the local stack gives it, every {@code TRIBUTARY_*} variable is a setting
     * the service reads, and no ConfigMap holds a credential.
     */
    public List<String> environment() {
        List<String> problems = new ArrayList<>();
        for (ExpectedService service : services) {
            Optional<Workload> deployment = objects.workload("Deployment", service.name());
            Optional<Map<String, Object>> container = deployment.flatMap(d -> containerWithPort(d, service.httpPort()));
            if (container.isEmpty()) {
                continue; // reported by serviceWorkloads
            }
            Map<String, String> environment = Workload.environment(container.get(), objects);
            for (String variable : new TreeMap<>(environment).keySet()) {
                if (variable.startsWith("TRIBUTARY_") && !service.configuration().accepts(variable)) {
                    problems.add("Deployment " + service.name() + ": " + variable + " is no configuration key of "
                            + service.module());
                }
            }
            for (String variable : service.environment()) {
                if (!environment.containsKey(variable)) {
                    problems.add("Deployment " + service.name() + ": " + variable
                            + " is missing (the local stack sets it)");
                }
            }
        }
        for (Map<String, Object> configMap : objects.ofKind("ConfigMap")) {
            for (String key : YamlTree.mapAt(configMap, "data").keySet()) {
                if (SECRET_NAME.matcher(key).matches()) {
                    problems.add("ConfigMap " + KubernetesObjects.name(configMap) + " holds " + key
                            + ": credentials belong in a Secret");
                }
            }
        }
        return problems;
    }

    /** Every Secret key a pod needs (not optional) is declared by a committed template (or an object of the set). */
    public List<String> secrets() {
        List<String> problems = new ArrayList<>();
        for (Workload workload : objects.workloads()) {
            for (Workload.SecretReference reference : workload.secretReferences()) {
                Optional<Set<String>> keys = secretKeys(reference.secret());
                String where = workload.kind() + " " + workload.name() + ": ";
                if (reference.optional()) {
                    continue; // the pod starts without it
                }
                if (keys.isEmpty()) {
                    problems.add(where + "Secret " + reference.secret() + " has no template");
                } else if (!reference.key().isEmpty() && !keys.get().contains(reference.key())) {
                    problems.add(where + "Secret " + reference.secret() + " has no key " + reference.key()
                            + " in its template");
                }
            }
        }
        return problems;
    }

    /**
     * Every topic of the contract is a Strimzi KafkaTopic with exactly {@link TopicCatalog}'s settings for its
     * partitions and replicas, which are those its owning service is configured with.
     */
    public List<String> kafkaTopics() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> byTopic = new TreeMap<>();
        for (Map<String, Object> topic : objects.ofKind("KafkaTopic")) {
            String name = YamlTree.textAt(topic, "spec", "topicName").orElse(KubernetesObjects.name(topic));
            byTopic.put(name, topic);
            if (!YamlTree.textAt(topic, "apiVersion").orElse("").equals("kafka.strimzi.io/v1beta2")) {
                problems.add("KafkaTopic " + name + ": apiVersion must be kafka.strimzi.io/v1beta2");
            }
            if (YamlTree.textAt(topic, "metadata", "labels", "strimzi.io/cluster").isEmpty()) {
                problems.add("KafkaTopic " + name + ": no strimzi.io/cluster label (the Topic Operator ignores it)");
            }
            if (!Topics.ALL.contains(name)) {
                problems.add("KafkaTopic " + name + " is not a topic of the contract " + Topics.ALL);
            }
        }
        for (String topic : Topics.ALL) {
            Map<String, Object> resource = byTopic.get(topic);
            if (resource == null) {
                problems.add("no KafkaTopic for " + topic);
                continue;
            }
            int partitions = Integer.parseInt(YamlTree.textAt(resource, "spec", "partitions").orElse("0"));
            short replicas = Short.parseShort(YamlTree.textAt(resource, "spec", "replicas").orElse("0"));
            String owner = topicOwners.get(topic);
            ownerSetting(owner, "partitions").filter(value -> !value.equals(String.valueOf(partitions)))
                    .ifPresent(value -> problems.add("KafkaTopic " + topic + ": " + partitions + " partitions, but "
                            + owner + " is configured with " + value));
            ownerSetting(owner, "replication-factor").filter(value -> !value.equals(String.valueOf(replicas)))
                    .ifPresent(value -> problems.add("KafkaTopic " + topic + ": " + replicas + " replicas, but "
                            + owner + " is configured with " + value));
            if (partitions < 1 || replicas < 1) {
                problems.add("KafkaTopic " + topic + ": partitions and replicas must be at least 1");
                continue;
            }
            Map<String, String> expected = new TreeMap<>(TopicCatalog.spec(topic, partitions, replicas).configs());
            Map<String, String> actual = new TreeMap<>();
            YamlTree.mapAt(resource, "spec", "config").forEach((key, value) -> actual.put(key, String.valueOf(value)));
            if (!expected.equals(actual)) {
                problems.add("KafkaTopic " + topic + ": config " + actual + ", TopicCatalog says " + expected);
            }
        }
        return problems;
    }

    /**
     * Encoders reach each edge service (ingest) through a LoadBalancer that keeps their addresses
     * ({@code externalTrafficPolicy: Local}): IP allow-lists and per-IP limits see the client, not a node.
     */
    public List<String> edgeLoadBalancers() {
        Set<String> problems = new LinkedHashSet<>(); // one Service carries several edge ports
        for (ExpectedService service : services) {
            for (Map.Entry<String, Integer> edge : new TreeMap<>(service.edgePorts()).entrySet()) {
                Optional<Map<String, Object>> balancer = objects.ofKind("Service").stream()
                        .filter(s -> YamlTree.textAt(s, "spec", "type").orElse("").equals("LoadBalancer"))
                        .filter(s -> YamlTree.listAt(s, "spec", "ports").stream()
                                .anyMatch(p -> YamlTree.textAt(p, "port").orElse("").equals(String.valueOf(edge.getValue()))))
                        .filter(s -> objects.workload("Deployment", service.name())
                                .map(d -> d.matches(YamlTree.mapAt(s, "spec", "selector"))).orElse(false))
                        .findFirst();
                if (balancer.isEmpty()) {
                    problems.add("no LoadBalancer Service for " + service.name() + " " + edge.getKey() + " port "
                            + edge.getValue());
                } else if (!YamlTree.textAt(balancer.get(), "spec", "externalTrafficPolicy").orElse("").equals("Local")) {
                    problems.add("Service " + KubernetesObjects.name(balancer.get())
                            + ": externalTrafficPolicy must be Local to keep client addresses");
                }
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The stream-gops consumers scale on CPU (autoscaling/v2), never beyond the partitions of stream-gops (a
     * consumer group gives each partition to one member; more members idle), and their Deployments leave the
     * replica count to the autoscaler.
     */
    public List<String> workerAutoscaling() {
        List<String> problems = new ArrayList<>();
        int gopPartitions = objects.ofKind("KafkaTopic").stream()
                .filter(t -> YamlTree.textAt(t, "spec", "topicName").orElse(KubernetesObjects.name(t)).equals(Topics.STREAM_GOPS))
                .map(t -> Integer.parseInt(YamlTree.textAt(t, "spec", "partitions").orElse("0")))
                .findFirst().orElse(0);
        for (ExpectedService service : services) {
            if (!service.autoscaled()) {
                continue;
            }
            Optional<Map<String, Object>> autoscaler = objects.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> YamlTree.textAt(h, "spec", "scaleTargetRef", "kind").orElse("").equals("Deployment"))
                    .filter(h -> YamlTree.textAt(h, "spec", "scaleTargetRef", "name").orElse("").equals(service.name()))
                    .findFirst();
            if (autoscaler.isEmpty()) {
                problems.add("no HorizontalPodAutoscaler for Deployment " + service.name());
                continue;
            }
            String where = "HorizontalPodAutoscaler " + KubernetesObjects.name(autoscaler.get()) + ": ";
            if (!YamlTree.textAt(autoscaler.get(), "apiVersion").orElse("").equals("autoscaling/v2")) {
                problems.add(where + "apiVersion must be autoscaling/v2");
            }
            int max = Integer.parseInt(YamlTree.textAt(autoscaler.get(), "spec", "maxReplicas").orElse("0"));
            int min = Integer.parseInt(YamlTree.textAt(autoscaler.get(), "spec", "minReplicas").orElse("1"));
            if (min < 1 || max < min) {
                problems.add(where + "replicas must satisfy 1 <= min <= max, not " + min + ".." + max);
            }
            if (max > gopPartitions) {
                problems.add(where + "maxReplicas " + max + " exceeds the " + gopPartitions
                        + " partitions of stream-gops: the extra pods would idle");
            }
            boolean onCpu = YamlTree.listAt(autoscaler.get(), "spec", "metrics").stream()
                    .anyMatch(m -> YamlTree.textAt(m, "resource", "name").orElse("").equals("cpu"));
            if (!onCpu) {
                problems.add(where + "does not scale on cpu");
            }
            objects.workload("Deployment", service.name())
                    .filter(d -> YamlTree.at(d.document(), "spec", "replicas").isPresent())
                    .ifPresent(d -> problems.add("Deployment " + service.name()
                            + " sets replicas, which would fight its autoscaler on every apply"));
        }
        return problems;
    }

    /** Edge pods (live RTMP connections) drain one at a time, with time to end their sessions cleanly. */
    public List<String> edgeDraining() {
        List<String> problems = new ArrayList<>();
        for (ExpectedService service : services) {
            if (service.edgePorts().isEmpty()) {
                continue;
            }
            Optional<Workload> deployment = objects.workload("Deployment", service.name());
            if (deployment.isEmpty()) {
                continue; // reported by serviceWorkloads
            }
            boolean budgeted = objects.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(p -> deployment.get().matches(YamlTree.mapAt(p, "spec", "selector", "matchLabels")));
            if (!budgeted) {
                problems.add("no PodDisruptionBudget for Deployment " + service.name());
            }
            int grace = Integer.parseInt(
                    YamlTree.textAt(deployment.get().podSpec(), "terminationGracePeriodSeconds").orElse("30"));
            if (grace < 30) {
                problems.add("Deployment " + service.name() + ": terminationGracePeriodSeconds " + grace
                        + " leaves too little time to end live sessions");
            }
        }
        return problems;
    }

    private Optional<String> ownerSetting(String owner, String setting) {
        Optional<ExpectedService> service = services.stream().filter(s -> s.name().equals(owner)).findFirst();
        if (owner == null || service.isEmpty()) {
            return Optional.empty();
        }
        String property = "tributary." + owner + ".kafka." + setting;
        Optional<String> fromEnvironment = objects.workload("Deployment", owner)
                .flatMap(d -> containerWithPort(d, service.get().httpPort()))
                .map(c -> Workload.environment(c, objects).get(ConfigNames.environmentVariable(property)));
        return fromEnvironment.or(() -> service.get().configuration().key(property).flatMap(ConfigKey::defaultValue));
    }

    private Optional<Set<String>> secretKeys(String secret) {
        if (secretTemplates.containsKey(secret)) {
            return Optional.of(secretTemplates.get(secret));
        }
        return objects.named("Secret", secret).map(s -> {
            Set<String> keys = new TreeSet<>(YamlTree.mapAt(s, "data").keySet());
            keys.addAll(YamlTree.mapAt(s, "stringData").keySet());
            return keys;
        });
    }

    private static Optional<Map<String, Object>> containerWithPort(Workload workload, int port) {
        return workload.containers().stream().filter(c -> Workload.ports(c).containsValue(port)).findFirst();
    }

    private static List<String> probe(String where, Map<String, Object> container, String probe, String path,
            Map<String, Integer> ports, int httpPort) {
        List<String> problems = new ArrayList<>();
        Optional<String> actualPath = YamlTree.textAt(container, probe, "httpGet", "path");
        if (actualPath.isEmpty()) {
            problems.add(where + "no " + probe + " on " + path);
            return problems;
        }
        if (!actualPath.get().equals(path)) {
            problems.add(where + probe + " on " + actualPath.get() + ", not " + path);
        }
        String port = YamlTree.textAt(container, probe, "httpGet", "port").orElse("?");
        if (!Integer.valueOf(httpPort).equals(ports.get(port))) {
            problems.add(where + probe + " port " + port + " is not the HTTP port " + httpPort);
        }
        return problems;
    }
}
