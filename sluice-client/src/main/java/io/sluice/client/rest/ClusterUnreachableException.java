package io.sluice.client.rest;

/** No cluster answered at the REST address: nothing listens there, or the connection broke. */
public class ClusterUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
