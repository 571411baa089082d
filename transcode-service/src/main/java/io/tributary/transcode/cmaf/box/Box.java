package io.tributary.transcode.cmaf.box;

/** An ISO BMFF box (ISO/IEC 14496-12 §4.2) that knows how to write itself, children included. */
public interface Box {

    void write(BoxWriter out);

    default byte[] toByteArray() {
        BoxWriter out = new BoxWriter();
        write(out);
        return out.toByteArray();
    }
}
