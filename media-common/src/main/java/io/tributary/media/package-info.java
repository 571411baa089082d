package io.tributary.media;
