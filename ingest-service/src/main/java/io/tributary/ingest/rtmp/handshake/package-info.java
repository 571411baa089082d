/**
 * RTMP layer 1: the handshake (Adobe RTMP specification 5.2, plus the Flash Player 9 digest). {@link
 * io.tributary.ingest.rtmp.handshake.HandshakeDecoder} takes socket bytes and gives the bytes to answer and, once C2
 * is in, the bytes that already belong to the chunk stream. Pure: JDK only.
 */
package io.tributary.ingest.rtmp.handshake;
