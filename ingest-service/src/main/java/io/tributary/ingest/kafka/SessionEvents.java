package io.tributary.ingest.kafka;

import io.tributary.ingest.IngestConfig;
import io.tributary.ingest.gop.StreamFacts;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import io.tributary.media.storage.ObjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@code stream-started} and {@code stream-stopped} (JSON through {@link EventJson}, keyed by channel).
 * {@link SessionOutput} decides when: started before a session's first GOP record, stopped once after its last.
 */
@ApplicationScoped
public class SessionEvents {

    private final IngestProducer producer;
    private final String playbackBaseUrl;
    private final String node;

    @Inject
    public SessionEvents(IngestProducer producer, IngestConfig config) {
        this.producer = producer;
        String base = config.playbackBaseUrl();
        this.playbackBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.node = config.nodeName().orElseGet(SessionEvents::hostName);
    }

    /** The live playback URLs of a channel, as players fetch them from object storage. */
    public Map<String, String> playbackUrls(String channel) {
        return Map.of(StreamStarted.HLS, playbackBaseUrl + "/" + ObjectKeys.masterPlaylist(channel),
                StreamStarted.DASH, playbackBaseUrl + "/" + ObjectKeys.dashManifest(channel));
    }

    public void started(SessionIdentity id, StreamFacts facts, Instant at, Executor replyOn,
                        Consumer<Throwable> done) {
        StreamStarted event = StreamStarted.of(id.sessionId(), id.channel(), id.app(), at, node, facts.video(),
                facts.audio(), playbackUrls(id.channel()));
        producer.send(new ProducerRecord<>(Topics.STREAM_STARTED, id.channel(), EventJson.write(event)), replyOn, done);
    }

    public void stopped(SessionIdentity id, StopReason reason, Instant at, long durationMillis, long bytes,
                        long gopCount, Executor replyOn, Consumer<Throwable> done) {
        StreamStopped event = StreamStopped.of(id.sessionId(), id.channel(), at, reason, durationMillis, bytes,
                gopCount);
        producer.send(new ProducerRecord<>(Topics.STREAM_STOPPED, id.channel(), EventJson.write(event)), replyOn, done);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ingest";
        }
    }
}
