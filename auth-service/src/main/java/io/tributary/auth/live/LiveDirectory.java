package io.tributary.auth.live;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which channels are live, folded from {@code stream-started} and {@code stream-stopped} (read from the beginning
 * by every instance, so every instance has the whole directory).
 *
 * <p>The two topics are read side by side, and while replaying at start-up one may run far ahead of the other, so a
 * session's stop can be applied long before its start. Each channel therefore remembers the sessions that stopped
 * within {@code sessionMaxAge}, and a start of a session already stopped is ignored. Older stops need not be kept: a
 * session that started longer ago than {@code sessionMaxAge} does not count as live anyway (that is also what ends
 * a session whose stop never comes, because its ingest crashed). A start older than the channel's current session
 * is ignored too.
 *
 * <p>One thread applies events; any thread reads. Each channel's entry is an immutable value replaced whole.
 */
public final class LiveDirectory {
    /** Stops remembered per channel at most, whatever their age: bounds memory against a runaway producer. */
    static final int MAX_REMEMBERED_STOPS = 10_000;

    private final Duration sessionMaxAge;
    private final Clock clock;
    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();

    public LiveDirectory(Duration sessionMaxAge, Clock clock) {
        this.sessionMaxAge = sessionMaxAge;
        this.clock = clock;
    }

    /** @param stops session id to the time it stopped, oldest first */
    private record ChannelState(LiveSession current, Map<String, Instant> stops) {
    }

    /** Applies a record of {@code stream-started} or {@code stream-stopped}. */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (Topics.STREAM_STARTED.equals(record.topic())) {
            started(EventJson.read(record.value(), StreamStarted.class));
        } else if (Topics.STREAM_STOPPED.equals(record.topic())) {
            stopped(EventJson.read(record.value(), StreamStopped.class));
        }
    }

    public void started(StreamStarted event) {
        LiveSession session = new LiveSession(event.channel(), event.sessionId(), event.startedAt(), event);
        channels.compute(event.channel(), (channel, state) -> {
            if (state == null) {
                return new ChannelState(session, Map.of());
            }
            if (state.stops().containsKey(session.sessionId())) {
                return state;
            }
            if (state.current() != null && state.current().since().isAfter(session.since())) {
                return state;
            }
            return new ChannelState(session, state.stops());
        });
    }

    public void stopped(StreamStopped event) {
        end(event.channel(), event.sessionId(), event.stoppedAt());
    }

    /** An operator declared the session over; from here on it counts as stopped. */
    public void cleared(LiveSessionCleared record) {
        end(record.channel(), record.sessionId(), record.clearedAt() == null ? clock.instant() : record.clearedAt());
    }

    private void end(String channelName, String sessionId, Instant at) {
        Instant forgetBefore = clock.instant().minus(sessionMaxAge);
        channels.compute(channelName, (channel, state) -> {
            Map<String, Instant> stops = new LinkedHashMap<>(state == null ? Map.of() : state.stops());
            stops.values().removeIf(stoppedAt -> stoppedAt.isBefore(forgetBefore));
            stops.put(sessionId, at);
            while (stops.size() > MAX_REMEMBERED_STOPS) {
                stops.remove(stops.keySet().iterator().next());
            }
            LiveSession current = state == null ? null : state.current();
            if (current != null && current.sessionId().equals(sessionId)) {
                current = null;
            }
            return new ChannelState(current, Collections.unmodifiableMap(stops));
        });
    }

    /** The channel's live session, if it has one that is not older than the maximum age. */
    public Optional<LiveSession> session(String channel, Instant now) {
        ChannelState state = channels.get(channel);
        if (state == null || state.current() == null || isStale(state.current(), now)) {
            return Optional.empty();
        }
        return Optional.of(state.current());
    }

    /** All live sessions, by channel name. */
    public List<LiveSession> sessions(Instant now) {
        return channels.values().stream().map(ChannelState::current)
                .filter(s -> s != null && !isStale(s, now))
                .sorted(Comparator.comparing(LiveSession::channel)).toList();
    }

    /** Number of live sessions (including stale ones not yet forgotten), for metrics. */
    public int size() {
        return (int) channels.values().stream().filter(s -> s.current() != null).count();
    }

    private boolean isStale(LiveSession session, Instant now) {
        return session.since().plus(sessionMaxAge).isBefore(now);
    }
}
