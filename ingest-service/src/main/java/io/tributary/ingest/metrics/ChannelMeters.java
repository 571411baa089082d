package io.tributary.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one live channel, labelled {@code channel} (public, unlike the key): media bytes received, the
 * bitrate of the last measuring window, GOP records sent. Written by the session's event loop, read by the scrape.
 */
public final class ChannelMeters {

    private final MeterRegistry registry;
    private final Counter bytes;
    private final Counter gopRecords;
    private final Gauge bitrateGauge;
    private volatile double bitrate;

    ChannelMeters(MeterRegistry registry, String channel) {
        this.registry = registry;
        this.bytes = Counter.builder("tributary.ingest.bytes").description("Media bytes received")
                .tag("channel", channel).register(registry);
        this.gopRecords = Counter.builder("tributary.ingest.gop.records").description("GOP records sent to Kafka")
                .tag("channel", channel).register(registry);
        this.bitrateGauge = Gauge.builder("tributary.ingest.bitrate.bits.per.second", this, m -> m.bitrate)
                .description("Media bitrate over the last measuring window").tag("channel", channel)
                .register(registry);
    }

    public void received(long mediaBytes) {
        bytes.increment(mediaBytes);
    }

    public void gopRecordSent() {
        gopRecords.increment();
    }

    public void bitrate(double bitsPerSecond) {
        bitrate = bitsPerSecond;
    }

    void remove() {
        registry.remove(bytes);
        registry.remove(gopRecords);
        registry.remove(bitrateGauge);
    }
}
