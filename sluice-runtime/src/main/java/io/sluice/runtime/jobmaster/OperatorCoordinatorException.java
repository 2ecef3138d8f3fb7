package io.sluice.runtime.jobmaster;

/** An operator coordinator threw; the message names the operator, its vertex and the call. */
public final class OperatorCoordinatorException extends Exception {
    private static final long serialVersionUID = 1L;

    public OperatorCoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
