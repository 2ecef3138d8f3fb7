package io.sluice.runtime.taskmanager;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.tasks.StreamTaskInvokable;
import io.sluice.runtime.tasks.mailbox.TaskMailbox;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution attempt of one subtask on a TaskManager, run by its own thread.
 *
 * <pre>
 * CREATED ─► DEPLOYING ─► INITIALIZING ─► RUNNING ─► FINISHED
 *               │              │             │
 *               └──────────────┴─────────────┴─► FAILED            (an exception)
 *               └──────────────┴─────────────┴─► CANCELING ─► CANCELED
 * </pre>
 *
 * <p>Threads: the task thread does all the work and every state report after DEPLOYING; other
 * threads only call {@link #cancelExecution()}, {@link #failExternally} and
 * {@link #deliverOperatorEvent}, which go through the state reference, the mailbox and an
 * interrupt. The first failure wins; a cancelled task reports CANCELED, never the exception its
 * cancellation caused.
 */
public final class Task implements TaskHandle, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);
    /** How long a cancelled task may take before its thread is interrupted again. */
    private static final long CANCEL_INTERRUPT_INTERVAL_MS = 1000;

    private final TaskDeploymentDescriptor tdd;
    private final String taskManagerId;
    private final NetworkEnvironment network;
    private final ClassLoader userCodeClassLoader;
    private final TaskManagerActions actions;
    private final String nameWithSubtask;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.CREATED);
    private final AtomicReference<Throwable> externalFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile StreamTaskInvokable invokable;

    public Task(
            TaskDeploymentDescriptor tdd,
            String taskManagerId,
            NetworkEnvironment network,
            ClassLoader userCodeClassLoader,
            TaskManagerActions actions) {
        this.tdd = tdd;
        this.taskManagerId = taskManagerId;
        this.network = network;
        this.userCodeClassLoader = userCodeClassLoader;
        this.actions = actions;
        this.nameWithSubtask = tdd.taskNameWithSubtask();
        this.thread = new Thread(this, nameWithSubtask + " #" + tdd.attemptNumber());
        this.thread.setContextClassLoader(userCodeClassLoader);
    }

    @Override
    public ExecutionAttemptID getAttemptId() {
        return tdd.attemptId();
    }

    @Override
    public TaskDeploymentDescriptor getDescriptor() {
        return tdd;
    }

    @Override
    public ExecutionState getExecutionState() {
        return state.get();
    }

    @Override
    public void startTaskThread() {
        thread.start();
    }

    @Override
    public void run() {
        if (!transition(ExecutionState.CREATED, ExecutionState.DEPLOYING)) {
            reportTerminal(state.get() == ExecutionState.CANCELING ? ExecutionState.CANCELED : state.get(), null, null);
            return;
        }
        // DEPLOYING is the JobMaster's own state for this attempt: not reported back.
        Throwable failure = null;
        Map<String, Object> accumulators = null;
        try {
            StreamTaskInvokable inv =
                    new StreamTaskInvokable(tdd, taskManagerId, network, userCodeClassLoader, actions, mailbox);
            invokable = inv;
            if (!transitionAndReport(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING)) {
                throw new io.sluice.runtime.tasks.CancelTaskException();
            }
            inv.initialize();
            if (!transitionAndReport(ExecutionState.INITIALIZING, ExecutionState.RUNNING)) {
                throw new io.sluice.runtime.tasks.CancelTaskException();
            }
            inv.invoke();
            accumulators = inv.getAccumulators();
        } catch (Throwable t) {
            failure = io.sluice.runtime.tasks.ChainedException.unwrap(t);
            // A real failure is reported before the partitions and gates are released: releasing
            // them makes neighbouring tasks fail too, and the JobMaster must hear the root cause first.
            if (externalFailure.get() == null && state.get() != ExecutionState.CANCELING) {
                LOG.warn("{} ({}) failed", nameWithSubtask, tdd.attemptId(), failure);
                reportTerminal(ExecutionState.FAILED, failure, null);
            }
        } finally {
            StreamTaskInvokable inv = invokable;
            if (inv != null) {
                try {
                    inv.cleanUp(failure);
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    } else {
                        failure.addSuppressed(t);
                    }
                }
            }
            mailbox.close();
        }
        Throwable external = externalFailure.get();
        if (external != null) {
            reportTerminal(ExecutionState.FAILED, external, null);
        } else if (state.get() == ExecutionState.CANCELING) {
            reportTerminal(ExecutionState.CANCELED, null, null);
        } else if (failure != null) {
            if (!state.get().isTerminal()) {
                LOG.warn("{} ({}) failed while releasing its resources", nameWithSubtask, tdd.attemptId(), failure);
            }
            reportTerminal(ExecutionState.FAILED, failure, null); // no-op if already reported
        } else {
            reportTerminal(ExecutionState.FINISHED, null, accumulators);
        }
    }

    @Override
    public void cancelExecution() {
        while (true) {
            ExecutionState current = state.get();
            if (current.isTerminal() || current == ExecutionState.CANCELING) {
                return;
            }
            if (state.compareAndSet(current, ExecutionState.CANCELING)) {
                LOG.info("Cancelling {} ({})", nameWithSubtask, tdd.attemptId());
                if (current == ExecutionState.CREATED) {
                    // never started: report directly
                    reportTerminal(ExecutionState.CANCELED, null, null);
                    return;
                }
                stopThread();
                return;
            }
        }
    }

    @Override
    public void failExternally(Throwable cause) {
        if (externalFailure.compareAndSet(null, cause)) {
            cancelExecution();
        }
    }

    private void stopThread() {
        StreamTaskInvokable inv = invokable;
        if (inv != null) {
            inv.cancel();
        }
        thread.interrupt();
        Thread watchdog = new Thread(
                () -> {
                    while (thread.isAlive()) {
                        try {
                            thread.join(CANCEL_INTERRUPT_INTERVAL_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (thread.isAlive()) {
                            LOG.warn(
                                    "{} is still running {} ms after cancellation; interrupting it again. Stack:\n{}",
                                    nameWithSubtask,
                                    CANCEL_INTERRUPT_INTERVAL_MS,
                                    stackOf(thread));
                            thread.interrupt();
                        }
                    }
                },
                "Canceler " + nameWithSubtask);
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String stackOf(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("    at ").append(e).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp) {
        toInvokable("trigger checkpoint " + checkpointId, inv -> inv.triggerCheckpoint(checkpointId, timestamp));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        toInvokable("checkpoint " + checkpointId + " complete", inv -> inv.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        toInvokable("checkpoint " + checkpointId + " aborted", inv -> inv.notifyCheckpointAborted(checkpointId));
    }

    private interface InvokableAction {
        void run(StreamTaskInvokable invokable) throws Exception;
    }

    /** Queues {@code action} in the mailbox, for the invokable once it exists; dropped after the task ended. */
    private void toInvokable(String description, InvokableAction action) {
        boolean queued = mailbox.put(
                () -> {
                    StreamTaskInvokable inv = invokable;
                    if (inv != null && inv.isRunning()) {
                        action.run(inv);
                    }
                },
                description);
        if (!queued) {
            LOG.debug("Dropped '{}' for {}: the task has ended", description, nameWithSubtask);
        }
    }

    @Override
    public void deliverOperatorEvent(OperatorID operator, SerializedValue<OperatorEvent> event) {
        boolean queued = mailbox.put(
                () -> {
                    StreamTaskInvokable inv = invokable;
                    if (inv != null) {
                        inv.dispatchOperatorEvent(operator, event.deserialize(userCodeClassLoader));
                    }
                },
                "operator event for " + operator);
        if (!queued) {
            LOG.debug("Dropped an operator event for {}: the task has ended", nameWithSubtask);
        }
    }

    // ------------------------------------------------------------------ states

    private boolean transition(ExecutionState from, ExecutionState to) {
        if (!from.successors().contains(to)) {
            throw new IllegalStateException(
                    "Illegal task state transition " + from + " -> " + to + " of " + nameWithSubtask);
        }
        boolean ok = state.compareAndSet(from, to);
        if (ok) {
            LOG.debug("{} ({}) switched from {} to {}", nameWithSubtask, tdd.attemptId(), from, to);
        }
        return ok;
    }

    private boolean transitionAndReport(ExecutionState from, ExecutionState to) {
        if (transition(from, to)) {
            report(to, null, null);
            return true;
        }
        return false;
    }

    private void reportTerminal(ExecutionState terminal, Throwable error, Map<String, Object> accumulators) {
        ExecutionState prev = state.getAndSet(terminal);
        if (prev.isTerminal()) {
            state.set(prev);
            return; // reported already
        }
        LOG.info("{} ({}) switched from {} to {}", nameWithSubtask, tdd.attemptId(), prev, terminal);
        report(terminal, error, accumulators);
    }

    private void report(ExecutionState s, Throwable error, Map<String, Object> accumulators) {
        SerializedValue<Map<String, Object>> acc = null;
        if (accumulators != null) {
            try {
                acc = SerializedValue.of(accumulators);
            } catch (RuntimeException e) {
                s = ExecutionState.FAILED;
                error = new IllegalStateException(
                        "The accumulators of " + nameWithSubtask + " cannot be serialized: " + e.getMessage(), e);
            }
        }
        try {
            actions.updateTaskExecutionState(new TaskExecutionStateUpdate(
                    tdd.jobId(), tdd.attemptId(), s, error == null ? null : new SerializedThrowable(error), acc));
        } catch (RuntimeException e) {
            LOG.error("Could not report state {} of {}", s, nameWithSubtask, e);
        }
    }

    @Override
    public String toString() {
        return nameWithSubtask + " (" + tdd.attemptId() + ", " + state.get() + ")";
    }
}
