/**
 * The GOP record of topic {@code stream-gops}: its value, a self-contained FLV fragment
 * ({@link io.tributary.media.gop.GopRecordWriter}, {@link io.tributary.media.gop.GopRecordReader},
 * {@link io.tributary.media.gop.GopContent}), and its Kafka headers ({@link io.tributary.media.gop.GopHeaders},
 * {@link io.tributary.media.gop.GopMetadata}).
 */
package io.tributary.media.gop;
