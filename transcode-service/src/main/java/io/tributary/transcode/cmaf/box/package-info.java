/**
 * ISO base media file format boxes (ISO/IEC 14496-12, codec boxes from ISO/IEC 14496-14 and 14496-15): one record per
 * box type that writes itself, children included, through a {@link io.tributary.transcode.cmaf.box.BoxWriter}. Only
 * what a CMAF packager writes is here; nothing is parsed.
 */
package io.tributary.transcode.cmaf.box;
