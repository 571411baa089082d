package io.tributary.thumbnail.store;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.EventJsonException;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.StoredObject;
import io.tributary.thumbnail.render.Picture;
import io.tributary.thumbnail.render.Rendering;
import io.tributary.thumbnail.schedule.ProgressStore;
import io.tributary.thumbnail.schedule.SessionProgress;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What thumbnail-service keeps in object storage: the pictures, and each session's progress.
 *
 * <p>Pictures per minute are immutable (a replay writes the same bytes under the same key); {@code latest.jpg} has a
 * cache lifetime of a second. Session progress lives under {@value #PROGRESS_PREFIX}, outside the public prefixes:
 * a few hundred bytes per session, read when a session starts or an instance takes it over mid-way, written at its
 * start, around each decode and after each picture. Every call blocks until
 * the server has answered, and throws {@link io.tributary.storage.ObjectStorageException} if it failed.
 */
public final class ThumbnailStore implements ProgressStore {
    /** Private (not under {@link ObjectStore#PUBLIC_PREFIXES}): internal bookkeeping, not for players. */
    public static final String PROGRESS_PREFIX = "state/thumbnail-service/";
    private static final String JPEG = "image/jpeg";
    /** A progress document is about 120 bytes; anything much larger is not one of ours. */
    private static final int MAX_PROGRESS_BYTES = 4096;
    private static final Logger LOG = Logger.getLogger(ThumbnailStore.class);

    private final ObjectStore objects;

    public ThumbnailStore(ObjectStore objects) {
        this.objects = objects;
    }

    /** The per-minute pictures, immutable. */
    public void putMinute(ThumbnailKeys keys, Rendering.Rendered rendered) {
        objects.put(StoredObject.immutable(keys.minute(), rendered.picture().jpeg(), JPEG));
        rendered.small().ifPresent(s -> objects.put(StoredObject.immutable(keys.smallMinute(), s.jpeg(), JPEG)));
    }

    /** The channel's latest pictures, with a short cache lifetime. */
    public void putLatest(ThumbnailKeys keys, Rendering.Rendered rendered) {
        objects.put(StoredObject.live(keys.latest(), rendered.picture().jpeg(), JPEG));
        Optional<Picture> small = rendered.small();
        small.ifPresent(s -> objects.put(StoredObject.live(keys.smallLatest(), s.jpeg(), JPEG)));
    }

    public static String progressKey(String channel, String sessionId) {
        return PROGRESS_PREFIX + channel + "/" + sessionId + ".json";
    }

    @Override
    public Optional<SessionProgress> load(String channel, String sessionId) {
        String key = progressKey(channel, sessionId);
        Optional<byte[]> bytes = objects.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        if (bytes.get().length > MAX_PROGRESS_BYTES) {
            LOG.warnf("%s: %d bytes is not session progress; ignored", key, bytes.get().length);
            return Optional.empty();
        }
        try {
            SessionProgress progress = EventJson.read(bytes.get(), ProgressDocument.class).toProgress();
            if (!progress.sessionId().equals(sessionId)) {
                LOG.warnf("%s: holds session %s; ignored", key, progress.sessionId());
                return Optional.empty();
            }
            return Optional.of(progress);
        } catch (EventJsonException | IllegalArgumentException e) {
            LOG.warnf("%s: unreadable session progress (%s); ignored", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(String channel, SessionProgress progress) {
        objects.put(new StoredObject(progressKey(channel, progress.sessionId()),
                EventJson.write(ProgressDocument.of(progress)), "application/json", "no-store"));
    }
}
