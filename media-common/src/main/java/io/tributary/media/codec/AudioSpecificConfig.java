package io.tributary.media.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * AudioSpecificConfig (ISO 14496-3 §1.6.2.1): the body of an AAC sequence header and of the DecoderSpecificInfo
 * in an MP4 {@code esds} box. The bytes are kept as received (an {@code esds} must carry them unchanged); the
 * fields are what they say. SBR and PS are recognised whether signalled explicitly (object type 5 or 29 first) or
 * by the backward-compatible sync extension 0x2B7 after GASpecificConfig. Equal by bytes.
 *
 * @param audioObjectType            the core object type (2 = AAC LC), after hierarchical signalling is resolved
 * @param samplingFrequency          the core sampling frequency in Hz
 * @param channelConfiguration       0 (defined by a program config element, not parsed) to 15
 * @param extensionAudioObjectType   5 (SBR) or 29 (SBR + PS) when present, else 0
 * @param extensionSamplingFrequency the SBR output sampling frequency in Hz, else 0
 */
public record AudioSpecificConfig(int audioObjectType, int samplingFrequency, int channelConfiguration,
                                  int extensionAudioObjectType, int extensionSamplingFrequency, byte[] bytes)
        implements AudioDecoderConfiguration {

    /** samplingFrequencyIndex 0 to 12 (Table 1.18); 13 and 14 are reserved, 15 means "explicit". */
    private static final int[] SAMPLING_FREQUENCIES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
        12000, 11025, 8000, 7350};
    /** Channels per channelConfiguration (Table 1.19 and its amendments); 0 = from a PCE, -1 = reserved. */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, -1, -1, -1, 7, 8, 24, 8, -1};
    private static final int SBR = 5;
    private static final int PS = 29;
    private static final int SYNC_EXTENSION_SBR = 0x2B7;
    private static final int SYNC_EXTENSION_PS = 0x548;

    public AudioSpecificConfig {
        Objects.requireNonNull(bytes, "bytes");
    }

    public static AudioSpecificConfig parse(byte[] bytes) {
        BitReader r = new BitReader(bytes, "AudioSpecificConfig");
        int objectType = objectType(r);
        int frequency = samplingFrequency(r);
        int channelConfiguration = r.u(4);
        int extensionType = 0;
        int extensionFrequency = 0;
        if (objectType == SBR || objectType == PS) {
            extensionType = objectType;
            extensionFrequency = samplingFrequency(r);
            objectType = objectType(r);
            if (objectType == 22) {
                r.skip(4); // extensionChannelConfiguration
            }
        }
        if (CHANNELS[channelConfiguration] < 0) {
            throw new CodecConfigException("reserved AAC channelConfiguration " + channelConfiguration);
        }
        if (skipGaSpecificConfig(r, objectType, channelConfiguration) && extensionType == 0 && r.bitsLeft() >= 16
                && r.u(11) == SYNC_EXTENSION_SBR) {
            int syncType = objectType(r);
            if (syncType == SBR && r.flag()) { // sbrPresentFlag
                extensionType = SBR;
                extensionFrequency = samplingFrequency(r);
                if (r.bitsLeft() >= 12 && r.u(11) == SYNC_EXTENSION_PS && r.flag()) { // psPresentFlag
                    extensionType = PS;
                }
            }
        }
        return new AudioSpecificConfig(objectType, frequency, channelConfiguration, extensionType, extensionFrequency,
                bytes.clone());
    }

    /** GetAudioObjectType() (§1.6.2.1.1). */
    private static int objectType(BitReader r) {
        int t = r.u(5);
        return t == 31 ? 32 + r.u(6) : t;
    }

    private static int samplingFrequency(BitReader r) {
        int index = r.u(4);
        if (index == 15) {
            int explicit = r.u(24);
            if (explicit == 0) {
                throw new CodecConfigException("AAC explicit samplingFrequency 0");
            }
            return explicit;
        }
        if (index >= SAMPLING_FREQUENCIES.length) {
            throw new CodecConfigException("reserved AAC samplingFrequencyIndex " + index);
        }
        return SAMPLING_FREQUENCIES[index];
    }

    /**
     * Skips GASpecificConfig (§4.4.1) for the object types that have one; returns false where parsing cannot
     * safely go on (other object types, or a program config element).
     */
    private static boolean skipGaSpecificConfig(BitReader r, int objectType, int channelConfiguration) {
        switch (objectType) {
            case 1: case 2: case 3: case 4: case 6: case 7: case 17: case 19: case 20: case 21: case 22: case 23:
                break;
            default:
                return false;
        }
        if (channelConfiguration == 0) {
            return false;
        }
        r.skip(1); // frameLengthFlag
        if (r.flag()) { // dependsOnCoreCoder
            r.skip(14); // coreCoderDelay
        }
        boolean extensionFlag = r.flag();
        if (objectType == 6 || objectType == 20) {
            r.skip(3); // layerNr
        }
        if (extensionFlag) {
            if (objectType == 22) {
                r.skip(5 + 11); // numOfSubFrame, layer_length
            }
            if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                r.skip(3); // the three resilience flags
            }
            r.skip(1); // extensionFlag3
        }
        return objectType < 17; // error-resilient types go on with epConfig, which we do not follow
    }

    @Override
    public AudioCodec codec() {
        return AudioCodec.AAC;
    }

    /** {@code mp4a.40.<object type>}, naming SBR (5) or PS (29) when present, as HLS and MSE expect (RFC 6381). */
    @Override
    public String codecString() {
        return "mp4a.40." + (extensionAudioObjectType != 0 ? extensionAudioObjectType : audioObjectType);
    }

    @Override
    public int sampleRate() {
        return extensionSamplingFrequency != 0 ? extensionSamplingFrequency : samplingFrequency;
    }

    /** Output channels; parametric stereo turns a mono core into stereo. */
    @Override
    public int channels() {
        int channels = CHANNELS[channelConfiguration];
        return extensionAudioObjectType == PS && channels == 1 ? 2 : channels;
    }

    @Override
    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioSpecificConfig a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AudioSpecificConfig[" + codecString() + ", " + sampleRate() + " Hz, " + channels() + " channels]";
    }
}
