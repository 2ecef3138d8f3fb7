package io.sluice.client.rest;

import java.util.List;

/**
 * The cluster answered a request with an error status; the message is the cluster's own (its
 * {@code {"errors": [...]}} joined), which already says what was wrong.
 */
public class RestClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> errors;

    public RestClientException(int status, List<String> errors) {
        super(errors.isEmpty() ? "The cluster answered with HTTP status " + status : String.join("; ", errors));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status code (400 bad request, 404 unknown job or jar, ...). */
    public int getStatus() {
        return status;
    }

    /** The messages of the error body, in order. */
    public List<String> getErrors() {
        return errors;
    }
}
