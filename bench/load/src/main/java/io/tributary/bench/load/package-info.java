/**
 * The whole-stack load benchmark (issue 10; README.md beside the pom): {@link io.tributary.bench.load.LoadBench}
 * runs it. The data flow: {@code SourceClip} → {@code PublisherTimeline} → {@code RtmpPublisher} (the client side of
 * RTMP on ingest-service's codec classes) → {@code PublisherLoop} (one thread for every publisher), against a stack
 * from {@code StackProcess} / {@code StackEndpoints}; measured by {@code ResourceSampler} (/proc), {@code StackEvents}
 * (Kafka), {@code PlaylistWatch} (HLS over HTTP) and summarised by {@code LoadSession}, {@code RampCriterion},
 * {@code RunReport} and {@code JfrSummary}.
 */
package io.tributary.bench.load;
