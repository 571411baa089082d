/**
 * FLV (FLV 10.1 Annex E) with the Enhanced RTMP tag headers: {@link io.tributary.media.flv.FlvReader} and
 * {@link io.tributary.media.flv.FlvWriter} over whole byte streams, the sealed {@link io.tributary.media.flv.FlvTag}
 * records, the legacy and E-RTMP audio and video tag headers, and the normalised
 * {@link io.tributary.media.flv.VideoPacket} / {@link io.tributary.media.flv.AudioPacket} views. Bad input fails
 * with {@link io.tributary.media.flv.FlvFormatException} only.
 */
package io.tributary.media.flv;
