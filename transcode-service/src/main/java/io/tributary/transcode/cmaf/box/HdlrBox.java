package io.tributary.transcode.cmaf.box;

import java.nio.charset.StandardCharsets;

/** HandlerReferenceBox 'hdlr' (ISO/IEC 14496-12 §8.4.3): 'vide' or 'soun', and a null-terminated UTF-8 name. */
public record HdlrBox(String handlerType, String name) implements Box {
    public static final String VIDEO = "vide";
    public static final String SOUND = "soun";

    @Override
    public void write(BoxWriter out) {
        out.fullBox("hdlr", 0, 0, () -> {
            out.u32(0); // pre_defined
            out.fourCc(handlerType);
            out.zeros(12); // reserved[3]
            out.bytes(name.getBytes(StandardCharsets.UTF_8)).u8(0);
        });
    }
}
