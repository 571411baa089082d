package io.tributary.transcode.cmaf.box;

/**
 * The 32-bit sample_flags of 'trex', 'tfhd' and 'trun' (ISO/IEC 14496-12 §8.8.3.1):
 * <pre>
 * bit(4) reserved | is_leading(2) | sample_depends_on(2) | sample_is_depended_on(2) | sample_has_redundancy(2)
 *   | sample_padding_value(3) | sample_is_non_sync_sample(1) | sample_degradation_priority(16)
 * </pre>
 */
public final class SampleFlags {
    /** sample_depends_on = 2 (depends on no other sample: an I picture), sample_is_non_sync_sample = 0. */
    public static final int SYNC = 2 << 24;
    /** sample_depends_on = 1 (depends on others: not an I picture), sample_is_non_sync_sample = 1. */
    public static final int NON_SYNC = (1 << 24) | (1 << 16);

    private SampleFlags() {
    }

    public static int of(boolean sync) {
        return sync ? SYNC : NON_SYNC;
    }
}
