package io.tributary.auth.api;

/** An error answer decided by the API layer (validation, authentication), rendered by {@link ErrorMapper}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException invalid(String reason) {
        return new ApiException(400, "invalid-request", reason);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(error, getMessage());
    }
}
