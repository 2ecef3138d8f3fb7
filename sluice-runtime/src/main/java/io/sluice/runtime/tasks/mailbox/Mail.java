package io.sluice.runtime.tasks.mailbox;

/** An action for the task thread, with a description for errors and logs. */
public record Mail(ThrowingRunnable action, String description) {

    /** A runnable that may throw; the task fails with what it throws. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public String toString() {
        return description;
    }
}
