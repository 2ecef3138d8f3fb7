package io.sluice.runtime.tasks.mailbox;

/** Hands actions to a task thread; what operators and timers use to get back onto it. */
public interface MailboxExecutor {
    /** Runs the action on the task thread, after the current record. */
    void execute(Mail.ThrowingRunnable action, String description);
}
