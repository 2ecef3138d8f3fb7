package io.sluice.runtime.tasks;

/** The task thread was interrupted (cancellation) while waiting, e.g. for a network buffer. */
public final class TaskInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskInterruptedException(InterruptedException cause) {
        super("The task was interrupted", cause);
    }
}
