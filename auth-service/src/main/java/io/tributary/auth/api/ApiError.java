package io.tributary.auth.api;

/**
 * The body of every error response: a stable machine-readable code and a sentence for humans. Never a stack trace,
 * never an echo of a secret.
 *
 * @param error  {@code unauthorized}, {@code invalid-request}, {@code not-found}, {@code conflict},
 *               {@code rate-limited}, {@code unavailable}, {@code method-not-allowed}, {@code not-acceptable},
 *               {@code unsupported-media-type}, {@code internal}
 * @param reason what went wrong, for a human
 */
public record ApiError(String error, String reason) {
}
