package io.tributary.bench.load;

import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStopped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Everything one run has open against a stack: the publishers' loop, the resource sampler, the Kafka events, the
 * playlist watch and the admin API. Publishers are added over time; {@link #measure} summarises a window.
 */
final class LoadSession implements AutoCloseable {

    /** The clip's GOP: the ingest closes one record per GOP, so each rendition gets one segment per GOP. */
    static final int GOP_SECONDS = 2;
    /** hls.js {@code liveSyncDurationCount} default: start this many target durations behind the live edge. */
    static final int HLS_JS_LIVE_SYNC_DURATION_COUNT = 3;

    private final BenchOptions options;
    private final StackEndpoints stack;
    private final SourceClip clip;
    private final String runId;
    private final AdminApi admin;
    private final Random random;
    private final ResourceSampler sampler;
    private final StackEvents events;
    private final WorkerBacklog backlog;
    private final PlaylistWatch playlists;
    private final PublisherLoop loop;
    private final List<String> channels = new ArrayList<>();
    private Map<String, Double> idleCpuPerSecond = Map.of();
    private Map<String, Long> idleRssKb = Map.of();
    private Map<String, Integer> behindBefore = Map.of();

    LoadSession(BenchOptions options, StackEndpoints stack, SourceClip clip) throws IOException {
        this.options = options;
        this.stack = stack;
        this.clip = clip;
        this.runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        this.admin = new AdminApi(stack.auth(), stack.adminToken());
        this.random = new Random(options.seed());
        this.sampler = new ResourceSampler(StackRoles.find(stack.launcherPid()), 1000);
        this.events = new StackEvents(stack.kafkaBootstrap(), c -> c.startsWith("load-" + runId + "-"));
        this.backlog = new WorkerBacklog(stack.kafkaBootstrap());
        this.playlists = new PlaylistWatch(stack, 20);
        this.loop = new PublisherLoop(options.tickMillis());
    }

    long launcherPid() {
        return stack.launcherPid();
    }

    TranscodeTimers.Reading transcodeTimers() {
        return TranscodeTimers.read(stack.transcodeHttp());
    }

    ResourceSampler.Sample sampleNow() {
        return sampler.sampleNow();
    }

    /** Measures each role's CPU rate and memory with no publisher, over {@code seconds}. */
    void measureIdle(int seconds) throws InterruptedException {
        ResourceSampler.Sample from = sampler.sampleNow();
        Thread.sleep(seconds * 1000L);
        ResourceSampler.Sample to = sampler.sampleNow();
        double elapsed = (to.epochMillis() - from.epochMillis()) / 1000.0;
        Map<String, Double> rate = new LinkedHashMap<>();
        ResourceSampler.cpuSeconds(from, to).forEach((role, cpu) -> rate.put(role, cpu / elapsed));
        idleCpuPerSecond = rate;
        idleRssKb = sampler.peakRssKb(from.epochMillis(), to.epochMillis());
    }

    Map<String, Double> idleCpuPerSecond() {
        return idleCpuPerSecond;
    }

    int streams() {
        return channels.size();
    }

    /** Creates {@code count} channels with keys, then starts a publisher on each, spread over {@code spreadMillis}. */
    void addPublishers(int count, long spreadMillis) throws IOException, InterruptedException {
        List<String[]> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String channel = "load-" + runId + "-" + (channels.size() + made.size());
            made.add(new String[] {channel, admin.channelWithKey(channel)});
        }
        long start = System.currentTimeMillis();
        for (int i = 0; i < made.size(); i++) {
            long due = start + (count <= 1 ? 0 : spreadMillis * i / (count - 1));
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            String channel = made.get(i)[0];
            int startIndex = clip.keyframeAtOrAfter((long) (random.nextDouble() * clip.loopMillis()));
            RtmpPublisher publisher = new RtmpPublisher(channel, made.get(i)[1], stack.rtmp(),
                    loopbackSource(channels.size()), clip,
                    new PublisherTimeline(clip, startIndex, options.speed()), clip.bytesPerSecond());
            // the first GOP closes one GOP after the publish at the earliest: poll from a little before that
            playlists.watch(channel, System.currentTimeMillis() + (long) ((GOP_SECONDS * 1000 - 300) / options.speed()));
            loop.add(publisher);
            channels.add(channel);
        }
    }

    /**
     * 127.0.1.1, 127.0.1.2, … (all of 127.0.0.0/8 is the loopback interface on Linux): one client address per
     * publisher, as real encoders have, instead of hundreds of connections from 127.0.0.1.
     */
    static InetSocketAddress loopbackSource(int index) {
        try {
            byte[] address = {127, 0, (byte) (1 + index / 250), (byte) (1 + index % 250)};
            return new InetSocketAddress(InetAddress.getByAddress(address), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /** Starts a new scheduler-lateness period and remembers each publisher's behind count, for the next window. */
    /** The background workers' uncommitted {@code stream-gops} records, by consumer group. */
    Map<String, Long> backgroundBacklog() throws InterruptedException {
        return backlog.uncommitted();
    }

    void startWindow() {
        loop.takeLateness();
        Map<String, Integer> behind = new HashMap<>();
        loop.statuses().forEach(s -> behind.put(s.channel(), s.behindEpisodes()));
        behindBefore = behind;
    }

    WindowResult measure(ResourceSampler.Sample from, ResourceSampler.Sample to) {
        double seconds = (to.epochMillis() - from.epochMillis()) / 1000.0;
        int streams = streams();
        double streamMinutes = streams * seconds / 60.0;

        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        List<Long> glass = new ArrayList<>();
        Map<String, PlaylistWatch.FirstPlayable> firstPlayable = playlists.found();
        for (SegmentPublished s : events.segments()) {
            long published = s.publishedAt().toEpochMilli();
            if (published < from.epochMillis() || published > to.epochMillis()) {
                continue;
            }
            latencies.computeIfAbsent(s.rendition(), r -> new ArrayList<>()).add(s.latencyMillis());
            latencies.computeIfAbsent(WindowResult.ALL, r -> new ArrayList<>()).add(s.latencyMillis());
            if (s.rendition().equals("source")) {
                PlaylistWatch.FirstPlayable first = firstPlayable.get(s.channel());
                int target = first == null || first.targetDurationSeconds() == 0 ? GOP_SECONDS
                        : first.targetDurationSeconds();
                // listed at close + latency; a player reloading every target duration finds it half a target
                // duration later on average, and plays liveSyncDurationCount target durations behind the edge
                glass.add(s.latencyMillis() + target * 1000L / 2 + HLS_JS_LIVE_SYNC_DURATION_COUNT * target * 1000L);
            }
        }
        Map<String, Percentiles> latency = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        latencies.forEach((rendition, values) -> {
            latency.put(rendition, Percentiles.of(values));
            counts.put(rendition, values.size());
        });

        Map<String, Double> cpu = ResourceSampler.cpuSeconds(from, to);
        cpu.put(WindowResult.INGEST_AND_PACKAGING, cpu.getOrDefault("ingest", 0.0) + cpu.getOrDefault("transcode", 0.0));
        cpu.put(WindowResult.WHOLE_STACK, stackTotal(cpu));
        Map<String, Double> perStreamMinute = new LinkedHashMap<>();
        Map<String, Double> marginal = new LinkedHashMap<>();
        cpu.forEach((role, roleSeconds) -> {
            perStreamMinute.put(role, roleSeconds / streamMinutes);
            marginal.put(role, (roleSeconds - idleSeconds(role, seconds)) / streamMinutes);
        });

        Map<String, Long> peak = sampler.peakRssKb(from.epochMillis(), to.epochMillis());
        Map<String, Double> added = new LinkedHashMap<>();
        peak.forEach((role, kb) -> added.put(role, (kb - idleRssKb.getOrDefault(role, kb)) / 1024.0 / streams));
        added.put(WindowResult.WHOLE_STACK, stackTotal(added));

        Map<String, Double> written = new LinkedHashMap<>();
        ResourceSampler.fileWriteMb(from, to).forEach((role, mb) -> written.put(role, mb / streamMinutes));
        written.put(WindowResult.WHOLE_STACK, stackTotal(written));

        LatenessHistogram lateness = loop.takeLateness();
        List<PublisherStatus> statuses = loop.statuses();
        int failed = (int) statuses.stream().filter(s -> s.phase() == RtmpPublisher.Phase.FAILED).count();
        int behind = (int) statuses.stream()
                .filter(s -> s.behindEpisodes() > behindBefore.getOrDefault(s.channel(), 0)).count();
        long maxOutbox = statuses.stream().mapToLong(PublisherStatus::maxOutboxBytes).max().orElse(0);
        int abnormal = (int) events.stops().stream().filter(s -> s.reason() != StopReason.PUBLISHER_CLOSED).count();
        return new WindowResult(streams, seconds, from.epochMillis(), to.epochMillis(), latency, counts,
                streams * seconds / GOP_SECONDS, Percentiles.of(glass), cpu, perStreamMinute, marginal, idleRssKb,
                peak, added, lateness.percentileMillis(0.5), lateness.percentileMillis(0.99), lateness.maxMillis(),
                failed, behind, maxOutbox, abnormal, Machine.loadAverage(), ResourceSampler.stealShare(from, to),
                written);
    }

    private double idleSeconds(String role, double seconds) {
        if (role.equals(WindowResult.INGEST_AND_PACKAGING)) {
            return (idleCpuPerSecond.getOrDefault("ingest", 0.0) + idleCpuPerSecond.getOrDefault("transcode", 0.0))
                    * seconds;
        }
        if (role.equals(WindowResult.WHOLE_STACK)) {
            return stackTotal(idleCpuPerSecond) * seconds;
        }
        return idleCpuPerSecond.getOrDefault(role, 0.0) * seconds;
    }

    /** Per channel: publish sent, Publish.Start, first playable playlist seen, first segment-published event. */
    List<StartupResult> startups() {
        Map<String, PlaylistWatch.FirstPlayable> found = playlists.found();
        Map<String, SegmentPublished> firstEvent = new HashMap<>();
        for (SegmentPublished s : events.segments()) {
            if (s.rendition().equals("source")) {
                firstEvent.merge(s.channel(), s, (a, b) -> a.publishedAt().isAfter(b.publishedAt()) ? b : a);
            }
        }
        List<StartupResult> results = new ArrayList<>();
        for (PublisherStatus status : loop.statuses()) {
            PlaylistWatch.FirstPlayable playable = found.get(status.channel());
            SegmentPublished first = firstEvent.get(status.channel());
            results.add(new StartupResult(status.channel(), status.publishSentAt(), status.publishStartedAt(),
                    playable == null ? 0 : playable.atEpochMillis(), first == null ? 0 : first.publishedAt().toEpochMilli(),
                    first == null ? -1 : first.latencyMillis(), status.failure()));
        }
        return results;
    }

    List<PublisherStatus> statuses() {
        return loop.statuses();
    }

    URI statusPage() {
        return stack.statusPage();
    }

    /**
     * Stops every publisher, then waits until the session of each publisher that was live has stopped and has its
     * archive, or {@code limitMillis}: the end phase and what it cost ({@link EndPhase}). Sessions that had ended
     * before (a publisher that failed) are not the phase's.
     */
    EndPhase endSessions(long limitMillis) throws InterruptedException {
        Set<String> live = new HashSet<>();
        loop.statuses().stream().filter(s -> s.publishStartedAt() > 0 && s.closedAt() == 0)
                .forEach(s -> live.add(s.channel()));
        ResourceSampler.Sample from = sampler.sampleNow();
        loop.stopAll(10_000);
        long deadline = from.epochMillis() + limitMillis;
        while (System.currentTimeMillis() < deadline && !allArchived(live, from.epochMillis())) {
            Thread.sleep(200);
        }
        ResourceSampler.Sample to = sampler.sampleNow();
        double seconds = (to.epochMillis() - from.epochMillis()) / 1000.0;
        Map<String, StreamStopped> stopped = stoppedSince(from.epochMillis());
        Map<String, Long> readyAt = readyAtBySession();
        List<Long> stopToReady = new ArrayList<>();
        double mediaMinutes = 0;
        for (StreamStopped stop : stopped.values()) {
            mediaMinutes += stop.durationMillis() / 60_000.0;
            Long ready = readyAt.get(stop.sessionId());
            if (ready != null) {
                stopToReady.add(ready - stop.stoppedAt().toEpochMilli());
            }
        }
        Map<String, Double> cpu = ResourceSampler.cpuSeconds(from, to);
        Map<String, Double> idleSubtracted = new LinkedHashMap<>();
        cpu.forEach((role, roleSeconds) -> idleSubtracted.put(role,
                roleSeconds - idleCpuPerSecond.getOrDefault(role, 0.0) * seconds));
        cpu.put(WindowResult.WHOLE_STACK, stackTotal(cpu));
        idleSubtracted.put(WindowResult.WHOLE_STACK, stackTotal(idleSubtracted));
        return new EndPhase(seconds, stopped.size(), stopToReady.size(), mediaMinutes, Percentiles.of(stopToReady),
                cpu, idleSubtracted);
    }

    /** Each channel of {@code live} has a session stopped since {@code sinceMillis}, and each such one its archive. */
    private boolean allArchived(Set<String> live, long sinceMillis) {
        Map<String, StreamStopped> stopped = stoppedSince(sinceMillis);
        Set<String> channels = new HashSet<>();
        stopped.values().forEach(s -> channels.add(s.channel()));
        Map<String, Long> ready = readyAtBySession();
        return channels.containsAll(live) && ready.keySet().containsAll(stopped.keySet());
    }

    /** The run's sessions stopped at or after {@code sinceMillis}, by session id (an event read twice counts once). */
    private Map<String, StreamStopped> stoppedSince(long sinceMillis) {
        Map<String, StreamStopped> stopped = new LinkedHashMap<>();
        events.stops().stream().filter(s -> s.stoppedAt().toEpochMilli() >= sinceMillis)
                .forEach(s -> stopped.putIfAbsent(s.sessionId(), s));
        return stopped;
    }

    /** The first archive-ready of each session (a finalisation retried may announce it again). */
    private Map<String, Long> readyAtBySession() {
        Map<String, Long> readyAt = new HashMap<>();
        events.archives().forEach(a -> readyAt.merge(a.sessionId(), a.readyAt().toEpochMilli(), Math::min));
        return readyAt;
    }

    /** The sum over the stack's roles (services, Kafka, S3 server): not the generator, nor sums made already. */
    private static double stackTotal(Map<String, Double> byRole) {
        return byRole.entrySet().stream().filter(e -> isStack(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    private static boolean isStack(String role) {
        return StackRoles.SERVICES.contains(role) || role.equals(StackRoles.KAFKA) || role.equals(StackRoles.S3);
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
        playlists.close();
        events.close();
        backlog.close();
        sampler.close();
    }
}
