package io.tributary.transcode.cmaf.box;

/** The media-specific header of a 'minf': 'vmhd' for video, 'smhd' for sound (ISO/IEC 14496-12 §12.1.2, §12.2.2). */
public sealed interface MediaHeaderBox extends Box permits VmhdBox, SmhdBox {
}
