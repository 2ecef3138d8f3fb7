package io.sluice.runtime.source.coordinator;

import io.sluice.api.connector.source.ReaderInfo;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.SplitsAssignment;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.source.event.AddSplitEvent;
import io.sluice.runtime.source.event.NoMoreSplitsEvent;
import io.sluice.runtime.source.event.SourceEventWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link SourceCoordinator}'s enumerator sees: the registered readers, and ways to assign
 * splits, send events and run slow work off the coordinator thread.
 *
 * <p>Threading: owned by the coordinator thread; every method except the bodies of
 * {@link #callAsync} callables runs there. The callables run on one daemon worker thread owned by
 * this context (named after the source); their handlers are posted back to the coordinator thread
 * with {@link OperatorCoordinator.Context#runInCoordinatorThread}. A handler (or a
 * {@link #runInCoordinatorThread} action) that throws fails the job, naming the source.
 *
 * <p>Delivery: assigning splits to (or signalling, or sending an event to) a subtask whose reader
 * has not registered is an enumerator bug and throws {@link IllegalStateException}. A reader that
 * registered before the JobMaster reported its attempt ready ({@link #subtaskReady}) gets its
 * events queued until then, in order.
 *
 * <p>Every split assigned to a subtask is remembered until that subtask's attempt fails, when
 * {@link #attemptFailed} hands them back (there are no checkpoints yet to prune the list).
 */
public final class SourceCoordinatorContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinatorContext.class);

    private final String sourceName;
    private final OperatorCoordinator.Context coordinatorContext;
    private final SimpleVersionedSerializer<SplitT> splitSerializer;
    private final ScheduledExecutorService worker;

    private final Map<Integer, ReaderInfo> readers = new TreeMap<>();
    private final Map<Integer, SubtaskChannel> channels = new HashMap<>();
    private final Map<Integer, List<SplitT>> assignedSplits = new HashMap<>();
    private volatile boolean closed;

    SourceCoordinatorContext(
            String sourceName,
            OperatorCoordinator.Context coordinatorContext,
            SimpleVersionedSerializer<SplitT> splitSerializer) {
        this.sourceName = sourceName;
        this.coordinatorContext = coordinatorContext;
        this.splitSerializer = splitSerializer;
        this.worker = Executors.newSingleThreadScheduledExecutor(workerThreads(sourceName));
    }

    private static ThreadFactory workerThreads(String sourceName) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread =
                    new Thread(runnable, "source-coordinator-worker " + sourceName + " #" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private String describe() {
        return "source '" + sourceName + "' (operator " + coordinatorContext.getOperatorId() + ")";
    }

    // ---------------------------------------------------------------- SplitEnumeratorContext

    @Override
    public int currentParallelism() {
        return coordinatorContext.currentParallelism();
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Collections.unmodifiableMap(new TreeMap<>(readers));
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        Map<Integer, List<SplitT>> assignment = newSplitAssignments.assignment();
        for (Integer subtask : assignment.keySet()) {
            checkRegistered(subtask, "assign splits to");
        }
        for (Map.Entry<Integer, List<SplitT>> entry : assignment.entrySet()) {
            List<SplitT> splits = entry.getValue();
            AddSplitEvent event;
            try {
                event = AddSplitEvent.of(splits, splitSerializer);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not serialize splits " + splits + " of " + describe() + " for subtask " + entry.getKey(),
                        e);
            }
            assignedSplits
                    .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                    .addAll(splits);
            send(entry.getKey(), event);
        }
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        checkRegistered(subtask, "signal no more splits to");
        send(subtask, NoMoreSplitsEvent.INSTANCE);
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        checkRegistered(subtaskId, "send " + event + " to");
        send(subtaskId, new SourceEventWrapper(event));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        worker.execute(() -> callAndHandOver(callable, handler));
    }

    @Override
    public <T> void callAsync(
            Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis) {
        worker.scheduleAtFixedRate(
                () -> callAndHandOver(callable, handler), initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        coordinatorContext.runInCoordinatorThread(() -> {
            if (closed) {
                return;
            }
            try {
                runnable.run();
            } catch (Throwable t) {
                coordinatorContext.failJob(new RuntimeException(
                        "An action of the split enumerator of " + describe() + " failed: " + t, t));
            }
        });
    }

    /** Worker thread: runs the callable, then posts the handler to the coordinator thread. */
    private <T> void callAndHandOver(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result = null;
        Throwable failure = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            failure = t;
        }
        T finalResult = result;
        Throwable finalFailure = failure;
        runInCoordinatorThread(() -> handler.accept(finalResult, finalFailure));
    }

    // ---------------------------------------------------------------- called by SourceCoordinator

    void registerReader(int subtask, int attemptNumber, String location) {
        readers.put(subtask, new ReaderInfo(subtask, location));
        channelFor(subtask, attemptNumber);
    }

    void subtaskReady(int subtask, int attemptNumber, OperatorCoordinator.SubtaskGateway gateway) {
        SubtaskChannel channel = channelFor(subtask, attemptNumber);
        channel.gateway = gateway;
        OperatorEvent event;
        while ((event = channel.pending.poll()) != null) {
            deliver(subtask, channel.gateway, event);
        }
    }

    /** Forgets the attempt's reader and gateway; returns the splits assigned to the subtask. */
    List<SplitT> attemptFailed(int subtask, int attemptNumber) {
        SubtaskChannel channel = channels.get(subtask);
        if (channel != null && channel.attemptNumber > attemptNumber) {
            LOG.debug("Ignoring failure of old attempt {} of subtask {} of {}", attemptNumber, subtask, describe());
            return List.of();
        }
        channels.remove(subtask);
        readers.remove(subtask);
        List<SplitT> splits = assignedSplits.remove(subtask);
        return splits == null ? List.of() : splits;
    }

    void close() {
        closed = true;
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- internals

    private void checkRegistered(int subtask, String action) {
        if (!readers.containsKey(subtask)) {
            throw new IllegalStateException("The split enumerator of " + describe() + " tried to " + action
                    + " subtask " + subtask + ", whose reader is not registered (registered: " + readers.keySet()
                    + "). Enumerators may only address readers that registered (addReader) and have not failed.");
        }
    }

    private SubtaskChannel channelFor(int subtask, int attemptNumber) {
        SubtaskChannel channel = channels.get(subtask);
        if (channel == null || channel.attemptNumber < attemptNumber) {
            channel = new SubtaskChannel(attemptNumber);
            channels.put(subtask, channel);
        }
        return channel;
    }

    private void send(int subtask, OperatorEvent event) {
        SubtaskChannel channel = channels.get(subtask);
        if (channel.gateway == null) {
            channel.pending.add(event);
        } else {
            deliver(subtask, channel.gateway, event);
        }
    }

    private void deliver(int subtask, OperatorCoordinator.SubtaskGateway gateway, OperatorEvent event) {
        gateway.sendEvent(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                // The JobMaster reports the subtask's failure (executionAttemptFailed), which
                // returns its splits; nothing more to do here.
                LOG.warn("Could not send {} to subtask {} of {}: {}", event, subtask, describe(), failure.toString());
            }
        });
    }

    /** The gateway of one subtask attempt, or the events waiting for it. */
    private static final class SubtaskChannel {
        final int attemptNumber;
        final ArrayDeque<OperatorEvent> pending = new ArrayDeque<>();
        OperatorCoordinator.SubtaskGateway gateway;

        SubtaskChannel(int attemptNumber) {
            this.attemptNumber = attemptNumber;
        }
    }
}
