package io.sluice.runtime.jobmaster;

/** The cluster could not give a job the slots it needs in time; the message names needed and available slots. */
public final class NoResourceAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
