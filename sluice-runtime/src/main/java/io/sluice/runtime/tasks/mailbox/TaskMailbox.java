package io.sluice.runtime.tasks.mailbox;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of actions for one task thread. Any thread may {@link #put} mail; only the task thread
 * takes it. The task loop checks {@link #hasMail()} between batches of records: one volatile read
 * on the hot path when there is no mail.
 *
 * <p>After {@link #close()} further mail is dropped (the task is gone); mail already queued is
 * discarded by whoever closes it.
 */
public final class TaskMailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Mail> queue = new ArrayDeque<>();
    private volatile boolean hasMail;
    private boolean closed;

    /** Enqueues an action for the task thread. Returns false if the mailbox is closed. */
    public boolean put(Mail mail) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            queue.addLast(mail);
            hasMail = true;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean put(Mail.ThrowingRunnable action, String description) {
        return put(new Mail(action, description));
    }

    public boolean hasMail() {
        return hasMail;
    }

    /** The next mail, or null if there is none. Task thread only. */
    public Mail tryTake() {
        if (!hasMail) {
            return null;
        }
        lock.lock();
        try {
            Mail m = queue.pollFirst();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next mail. Task thread only; interruptible (cancellation). */
    public Mail take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                notEmpty.await();
            }
            Mail m = queue.pollFirst();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting mail and drops what is queued. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            hasMail = false;
        } finally {
            lock.unlock();
        }
    }
}
