/**
 * Real servers and media for tests and the local stack, without Docker or downloads.
 *
 * <ul>
 *   <li>{@code kafka}: {@link io.tributary.testsupport.kafka.EmbeddedKafka} (Kafka 4.1 KRaft, one combined node),
 *       {@link io.tributary.testsupport.kafka.KafkaBrokerMain} (the same as a process),
 *       {@link io.tributary.testsupport.kafka.SharedKafka} (one per test JVM).</li>
 *   <li>{@code s3}: {@link io.tributary.testsupport.s3.EmbeddedS3} (S3Proxy, filesystem back end),
 *       {@link io.tributary.testsupport.s3.S3ServerMain}, {@link io.tributary.testsupport.s3.SharedS3}.</li>
 *   <li>JUnit: {@link io.tributary.testsupport.KafkaExtension} with {@link io.tributary.testsupport.KafkaBootstrap},
 *       {@link io.tributary.testsupport.S3Extension}; Quarkus: {@code quarkus.KafkaTestResource},
 *       {@code quarkus.S3TestResource}.</li>
 *   <li>{@code media}: {@link io.tributary.testsupport.media.TestMedia}, clips made by the bundled ffmpeg.</li>
 *   <li>{@code browser}: {@link io.tributary.testsupport.browser.HeadlessChromium} and
 *       {@link io.tributary.testsupport.browser.DevToolsSession}, a real player for the browser tests and the load
 *       benchmark's glass-to-glass measurement.</li>
 * </ul>
 */
package io.tributary.testsupport;
