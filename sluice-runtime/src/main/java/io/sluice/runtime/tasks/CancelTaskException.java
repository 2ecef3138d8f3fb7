package io.sluice.runtime.tasks;

/** Thrown on the task thread to unwind a cancelled task; never reported as a failure. */
public final class CancelTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelTaskException() {
        super("The task was cancelled", null, false, false);
    }
}
