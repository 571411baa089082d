/**
 * Manifests that name the CMAF segments: {@code hls} (RFC 8216) and {@code dash} (ISO/IEC 23009-1). Both are pure:
 * a value describing the presentation goes in, the manifest text comes out; storing and timing the writes is the
 * caller's job. This package holds the values both formats share.
 */
package io.tributary.transcode.manifest;
