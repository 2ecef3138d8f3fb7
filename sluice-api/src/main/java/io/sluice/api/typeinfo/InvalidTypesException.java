package io.sluice.api.typeinfo;

/** A type cannot be determined or serialized; the message names the operator or type and what to do. */
public class InvalidTypesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
