package io.tributary.ingest.gop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.flv.ScriptDataTag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagIntakeTest {

    @Test
    void keepsMetadataTheWorkersCanRead() {
        assertTrue(new TagIntake().metadata(0, Map.of("width", AmfValue.number(1280))).isPresent());
    }

    @Test
    void dropsMetadataNestedDeeperThanTheWorkersRead() {
        // the RTMP command limit allows deeper nesting than a GOP record's onMetaData: such a tag would make every
        // record of the session unreadable downstream, so the stream goes on without metadata
        AmfValue nested = AmfValue.number(1);
        for (int level = 0; level < ScriptDataTag.MAX_AMF_DEPTH + 1; level++) {
            nested = new AmfObject(null, Map.of("a", nested));
        }
        assertTrue(new TagIntake().metadata(0, Map.of("deep", nested)).isEmpty());
    }
}
