package io.tributary.transcode.cmaf.box;

/** MediaInformationBox 'minf' (ISO/IEC 14496-12 §8.4.4). */
public record MinfBox(MediaHeaderBox mediaHeader, DinfBox dinf, StblBox stbl) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("minf", () -> out.write(mediaHeader).write(dinf).write(stbl));
    }
}
