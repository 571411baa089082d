package io.tributary.thumbnail.render;

/** A JPEG picture and its dimensions in pixels, as read back from the JPEG itself. */
public record Picture(byte[] jpeg, int width, int height) {
}
