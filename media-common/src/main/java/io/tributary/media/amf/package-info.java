/**
 * Action Message Format: the closed {@link io.tributary.media.amf.AmfValue} tree, the AMF0 reader and writer and
 * the AMF3 reader. Every decoder works on untrusted bytes with explicit limits and fails only with
 * {@link io.tributary.media.amf.AmfException}.
 */
package io.tributary.media.amf;
