/** The object layout of the bucket: {@link io.tributary.media.storage.ObjectKeys}. */
package io.tributary.media.storage;
