package io.sluice.runtime.jobmaster;

/**
 * A TaskManager that ran tasks of the job is gone: its heartbeat timed out or its process could not
 * be reached. The message names the TaskManager and how it was lost.
 */
public final class TaskManagerLostException extends Exception {
    private static final long serialVersionUID = 1L;

    public TaskManagerLostException(String message) {
        super(message);
    }
}
