package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/** Window Acknowledgement Size, type 5 (RTMP spec 5.4.4): send an Acknowledgement after this many bytes. */
public record WindowAcknowledgementSize(long size) implements RtmpMessage {

    public static final int TYPE_ID = 5;

    public WindowAcknowledgementSize {
        BigEndian.requireUint32(size, "window size");
    }

    static WindowAcknowledgementSize decode(byte[] payload) {
        BigEndian.require(payload, 4, "Window Acknowledgement Size");
        return new WindowAcknowledgementSize(BigEndian.uint32(payload, 0));
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return RtmpMessage.control(TYPE_ID, BigEndian.uint32(size));
    }
}
