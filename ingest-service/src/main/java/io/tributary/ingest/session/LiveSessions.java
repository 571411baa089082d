package io.tributary.ingest.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The live sessions of this instance, one per channel: the one piece of state shared across connections, so it has
 * one owner and one lock, held only for a map operation (never across I/O or a session's own work). Sessions live on
 * their own event loops; everyone else reaches one through its {@link Handle}, which hops onto that loop.
 *
 * <p>Used for the local guard (a second publish on a live channel is refused even before auth-service has seen the
 * first one's {@code stream-started}), the admin API, revocations and shutdown.
 */
@ApplicationScoped
public class LiveSessions {

    /** How to end a session from another thread. */
    @FunctionalInterface
    public interface Handle {
        /**
         * Ends the session if it is still live, on its own event loop; completes once its final records and
         * {@code stream-stopped} are written (or have failed).
         */
        CompletionStage<Void> end(EndCause cause);
    }

    private record Entry(Handle handle, SessionView view) {
    }

    private final Map<String, Entry> byChannel = new HashMap<>();

    /** Registers a session that is going live; false if its channel already has one here. */
    public synchronized boolean claim(SessionView view, Handle handle) {
        return byChannel.putIfAbsent(view.channel(), new Entry(handle, view)) == null;
    }

    /** Unregisters a session (nothing happens if the channel is held by another one). */
    public synchronized void release(String channel, String sessionId) {
        Entry entry = byChannel.get(channel);
        if (entry != null && entry.view().sessionId().equals(sessionId)) {
            byChannel.remove(channel);
        }
    }

    /** Replaces a session's view (ignored once it is released). */
    public synchronized void update(SessionView view) {
        Entry entry = byChannel.get(view.channel());
        if (entry != null && entry.view().sessionId().equals(view.sessionId())) {
            byChannel.put(view.channel(), new Entry(entry.handle(), view));
        }
    }

    /** The live sessions, by channel name. */
    public synchronized List<SessionView> list() {
        List<SessionView> views = new ArrayList<>();
        byChannel.values().forEach(e -> views.add(e.view()));
        views.sort(Comparator.comparing(SessionView::channel));
        return views;
    }

    public synchronized Optional<SessionView> find(String channel) {
        return Optional.ofNullable(byChannel.get(channel)).map(Entry::view);
    }

    /**
     * Ends the channel's live session, if it has one here and, when {@code sessionId} is given, if it is that
     * session. Returns whether one was found.
     */
    public boolean end(String channel, String sessionId, EndCause cause) {
        Handle handle;
        synchronized (this) {
            Entry entry = byChannel.get(channel);
            if (entry == null || sessionId != null && !entry.view().sessionId().equals(sessionId)) {
                return false;
            }
            handle = entry.handle();
        }
        handle.end(cause);
        return true;
    }

    /** Ends every live session (shutdown); completes when all have written their end. */
    public CompletionStage<Void> endAll(EndCause cause) {
        List<Handle> handles;
        synchronized (this) {
            handles = byChannel.values().stream().map(Entry::handle).toList();
        }
        CompletableFuture<?>[] ends = handles.stream().map(h -> h.end(cause).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(ends);
    }
}
