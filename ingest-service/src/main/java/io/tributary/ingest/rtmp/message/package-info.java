/**
 * RTMP layer 3: messages by type id (RTMP specification 5.4, 6.2, 7.1), a record each under the sealed {@link
 * io.tributary.ingest.rtmp.message.RtmpMessage}; AMF0/AMF3 bodies are decoded with media-common's readers. Pure: JDK
 * and io.tributary.media only.
 */
package io.tributary.ingest.rtmp.message;
