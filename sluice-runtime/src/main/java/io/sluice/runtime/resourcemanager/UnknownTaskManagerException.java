package io.sluice.runtime.resourcemanager;

/** A request named a TaskManager that is not registered (never was, or has left). */
public final class UnknownTaskManagerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownTaskManagerException(String taskManagerId) {
        super("No TaskManager with id '" + taskManagerId + "' is registered; GET /taskmanagers lists them");
    }
}
