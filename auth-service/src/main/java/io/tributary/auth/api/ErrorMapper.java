package io.tributary.auth.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tributary.auth.state.RegistryException;
import io.tributary.auth.state.StateWriteException;
import jakarta.ws.rs.WebApplicationException;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into {@code {"error": ..., "reason": ...}} with a 4xx or 5xx
 * status. Reasons never quote the request body: Jackson's own messages include a snippet of the input, which may be
 * a stream key, so only field paths are named.
 */
public final class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response registry(RegistryException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> respond(404, new ApiError("not-found", e.getMessage()));
            case CONFLICT -> respond(409, new ApiError("conflict", e.getMessage()));
        };
    }

    @ServerExceptionMapper
    public Response stateWrite(StateWriteException e) {
        LOG.warnf("state write failed: %s", e.getMessage());
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("unavailable", "the state store did not confirm the write in time; retry "
                        + "(writes are idempotent)")).build();
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        // Thrown by our validators, whose messages name the rule, never the value.
        return respond(400, new ApiError("invalid-request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(400, new ApiError("invalid-request", describe(e)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // the JSON reader wraps parse errors
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String error = switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "invalid-request";
        };
        String reason = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this API produces application/json";
            case 413 -> "request body too large";
            case 415 -> "send the body as application/json";
            default -> status >= 500 ? "internal error" : "malformed request";
        };
        if (status >= 500) {
            LOG.errorf(e, "request failed");
        }
        return respond(status, new ApiError(error, reason));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "request failed unexpectedly");
        return respond(500, new ApiError("internal", "internal error"));
    }

    private static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "the body is not valid JSON";
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return "the body is not valid JSON";
        }
        String path = path(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return path.isEmpty() ? "the body has an unknown field" : "unknown field " + path;
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage();
        }
        return path.isEmpty() ? "the body does not have the expected shape" : "invalid value for " + path;
    }

    /**
     * {@code 'allowedCidrs[2]'}-style path. Only names that look like our field names are echoed: a confused client
     * might send a secret as a field name.
     */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                String name = ref.getFieldName();
                if (out.length() > 0) {
                    out.append('.');
                }
                if (!FIELD_NAME.matcher(name).matches()) {
                    return "";
                }
                out.append(name);
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "" : "'" + out + "'";
    }
}
