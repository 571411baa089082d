package io.tributary.ingest.admin;

import io.tributary.ingest.session.EndCause;
import io.tributary.ingest.session.LiveSessions;
import io.tributary.ingest.session.SessionView;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The admin API of this instance (bearer admin token): {@code GET /v1/sessions} lists its live sessions,
 * {@code DELETE /v1/sessions/{channel}} ends one. A kicked session ends like any other (last record,
 * {@code stream-stopped} with reason {@code publisher-closed}: for consumers an ordinary end) and the publisher's
 * connection is closed; the log line says it was the operator. An encoder may reconnect with the same key: to keep
 * a publisher off, revoke the key at auth-service.
 */
@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private static final Logger LOG = Logger.getLogger(SessionsResource.class);

    private final LiveSessions sessions;
    private final AdminToken token;

    @Inject
    public SessionsResource(LiveSessions sessions, AdminToken token) {
        this.sessions = sessions;
        this.token = token;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!token.matches(authorization)) {
            return unauthorized();
        }
        List<SessionView> live = sessions.list();
        return Response.ok(live).build();
    }

    @DELETE
    @Path("{channel}")
    public Response kick(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("channel") String channel) {
        if (!token.matches(authorization)) {
            return unauthorized();
        }
        Optional<SessionView> session = sessions.find(channel);
        if (session.isEmpty() || !sessions.end(channel, session.get().sessionId(),
                EndCause.byOperator("operator (admin API)"))) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("reason", "no live session on this channel here")).build();
        }
        LOG.infof("admin API: ending the live session %s of channel %s", session.get().sessionId(), channel);
        return Response.accepted(session.get()).build();
    }

    private static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Map.of("reason", "a valid admin bearer token is required")).build();
    }
}
