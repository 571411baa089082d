package io.tributary.transcode.cmaf.box;

/** TrackFragmentBox 'traf' (ISO/IEC 14496-12 §8.8.6): one per 'moof' and one 'trun' per 'traf' in CMAF. */
public record TrafBox(TfhdBox tfhd, TfdtBox tfdt, TrunBox trun) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("traf", () -> out.write(tfhd).write(tfdt).write(trun));
    }
}
