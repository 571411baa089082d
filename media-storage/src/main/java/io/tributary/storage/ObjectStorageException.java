package io.tributary.storage;

/** Object storage did not do what was asked; the message names the operation, the key and the server's answer. */
public class ObjectStorageException extends RuntimeException {
    public ObjectStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
