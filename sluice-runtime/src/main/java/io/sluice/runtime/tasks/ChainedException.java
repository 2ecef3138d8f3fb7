package io.sluice.runtime.tasks;

/**
 * Carries a checked exception of a chained operator through {@code Output.collect}, which cannot
 * throw checked exceptions; the task unwraps it, so the job fails with the user's own exception.
 */
public final class ChainedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainedException(Exception cause) {
        super(cause.getMessage(), cause, false, false);
    }

    /** The innermost exception that is not a ChainedException. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while (cur instanceof ChainedException && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
