package io.sluice.runtime.rest;

/** A request the server answers with {@code status} and {@code {"errors": [message]}}. */
public class RestHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public RestHandlerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RestHandlerException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
