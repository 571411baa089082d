package io.tributary.transcode.cmaf.box;

/** MovieExtendsBox 'mvex' (ISO/IEC 14496-12 §8.8.1): announces that the movie continues in fragments. */
public record MvexBox(TrexBox trex) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("mvex", () -> out.write(trex));
    }
}
