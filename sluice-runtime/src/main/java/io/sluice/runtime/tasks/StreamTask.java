package io.sluice.runtime.tasks;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.runtime.network.api.CheckpointBarrier;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.StreamOperator;
import io.sluice.runtime.operators.TwoInputStreamOperator;
import io.sluice.runtime.source.SourceOperator;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import io.sluice.runtime.tasks.mailbox.Mail;
import io.sluice.runtime.tasks.mailbox.TaskMailbox;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mailbox loop of one task: one thread runs the default action (read input, push it through
 * the operator chain) and every mail (timers, coordinator events, flushes, cancellation) in
 * between, so operators need no locks.
 *
 * <pre>
 * loop:
 *   run all queued mail                         (one volatile read when there is none)
 *   if suspended: block on the mailbox          (input empty or output backpressured)
 *   else if an output has no free buffer: suspend until one has
 *   else process a batch of input               (source: pollNext; network: up to BATCH records)
 *        NOTHING_AVAILABLE: suspend until the input's future completes
 *        END_OF_INPUT:      finish the chain, end the partitions, leave the loop
 * </pre>
 *
 * A future completing on another thread only posts a "resume" mail: that is the only way other
 * threads wake the task.
 */
final class StreamTask implements StreamTaskNetworkInput.Handler, CheckpointBarrierHandler.Actions {
    private static final int BATCH = 512;

    private final String name;
    private final TaskMailbox mailbox;
    private final OperatorChain chain;
    private final List<StreamTaskNetworkInput> inputs;
    private final List<RecordWriter<StreamElement>> writers;
    private final SourceOperator<?, ?> source;
    private final OneInputStreamOperator<Object, ?> oneInputHead;
    private final TwoInputStreamOperator<Object, Object, ?> twoInputHead;
    /** The head operator if it is keyed: its key is extracted before each element. */
    private final AbstractStreamOperator<?> keyedHead;

    /** Null when the job takes no checkpoints. */
    private final SubtaskCheckpointer checkpointer;

    private CheckpointBarrierHandler barrierHandler;
    private boolean suspended;
    private int nextInput;
    private boolean endOfInput;
    private volatile boolean canceled;

    @SuppressWarnings("unchecked")
    StreamTask(
            String name,
            TaskMailbox mailbox,
            OperatorChain chain,
            List<StreamTaskNetworkInput> inputs,
            List<RecordWriter<StreamElement>> writers,
            SubtaskCheckpointer checkpointer) {
        this.name = name;
        this.checkpointer = checkpointer;
        this.mailbox = mailbox;
        this.chain = chain;
        this.inputs = inputs;
        this.writers = writers;
        StreamOperator<?> head = chain.getHead();
        this.source = head instanceof SourceOperator<?, ?> s ? s : null;
        this.oneInputHead =
                head instanceof OneInputStreamOperator<?, ?> o ? (OneInputStreamOperator<Object, ?>) o : null;
        this.twoInputHead = head instanceof TwoInputStreamOperator<?, ?, ?> t
                ? (TwoInputStreamOperator<Object, Object, ?>) t
                : null;
        this.keyedHead = head instanceof AbstractStreamOperator<?> op && op.isKeyed() ? op : null;
        if (source == null && inputs.isEmpty()) {
            throw new IllegalStateException("Task " + name + " has neither a source nor inputs");
        }
    }

    /** Runs until the input ends (then finishes everything) or the task is cancelled. */
    void run() throws Exception {
        while (true) {
            Mail mail;
            while ((mail = mailbox.tryTake()) != null) {
                mail.action().run();
            }
            if (canceled) {
                throw new CancelTaskException();
            }
            if (endOfInput) {
                break;
            }
            if (suspended) {
                Mail m = mailbox.take();
                m.action().run();
                continue;
            }
            CompletableFuture<?> backpressure = unavailableOutput();
            if (backpressure != null) {
                suspendUntil(backpressure);
                continue;
            }
            InputStatus status = source != null ? source.emitNext() : processNetworkInputs();
            if (status == InputStatus.NOTHING_AVAILABLE) {
                suspendUntil(source != null ? source.getAvailableFuture() : anyInputAvailable());
            } else if (status == InputStatus.END_OF_INPUT) {
                endOfInput = true;
            }
        }
        // The end of a bounded input: flush operators (windows, sinks), then end the partitions.
        chain.finish();
        for (RecordWriter<StreamElement> w : writers) {
            w.finish();
        }
        if (checkpointer != null) {
            // Stay until a checkpoint taken from now on completed: it holds the final state.
            checkpointer.endOfInput();
            while (!checkpointer.isFinalCheckpointDone()) {
                if (canceled) {
                    throw new CancelTaskException();
                }
                mailbox.take().action().run();
            }
        }
    }

    /** Set once the inputs exist; the handler numbers their channels globally. */
    void setBarrierHandler(CheckpointBarrierHandler barrierHandler) {
        this.barrierHandler = barrierHandler;
    }

    // ------------------------------------------------------------------ checkpoints (task thread)

    /** The coordinator's trigger, for a source or a task whose inputs ended. */
    void triggerCheckpoint(long checkpointId, long timestamp) throws Exception {
        if (checkpointer != null) {
            checkpointer.checkpoint(checkpointId, timestamp, 0);
        }
    }

    @Override
    public void triggerCheckpointOnBarrier(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
        if (checkpointer != null) {
            checkpointer.checkpoint(barrier.getId(), barrier.getTimestamp(), alignmentNanos);
        }
    }

    @Override
    public void abortCheckpointOnBarrier(long checkpointId, String reason) {
        if (checkpointer != null) {
            checkpointer.declineOnBarrier(checkpointId, reason);
        }
    }

    @Override
    public void channelsUnblocked() {
        for (int i = 0, n = inputs.size(); i < n; i++) {
            inputs.get(i).releaseUnblocked();
        }
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (checkpointer != null) {
            checkpointer.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (barrierHandler != null) {
            barrierHandler.abort(checkpointId);
        }
        if (checkpointer != null) {
            checkpointer.notifyCheckpointAborted(checkpointId);
        }
    }

    private CompletableFuture<?> unavailableOutput() {
        for (int i = 0, n = writers.size(); i < n; i++) {
            RecordWriter<StreamElement> w = writers.get(i);
            if (!w.isAvailable()) {
                return w.getAvailableFuture();
            }
        }
        return null;
    }

    private InputStatus processNetworkInputs() throws Exception {
        int n = inputs.size();
        boolean allFinished = true;
        for (int k = 0; k < n; k++) {
            int idx = (nextInput + k) % n;
            StreamTaskNetworkInput input = inputs.get(idx);
            if (input.isFinished()) {
                continue;
            }
            allFinished = false;
            InputStatus s = input.process(this, BATCH);
            if (s == InputStatus.MORE_AVAILABLE) {
                nextInput = (idx + 1) % n;
                return InputStatus.MORE_AVAILABLE;
            }
            if (s == InputStatus.END_OF_INPUT) {
                return InputStatus.MORE_AVAILABLE; // look at the others on the next round
            }
        }
        return allFinished ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }

    private CompletableFuture<?> anyInputAvailable() {
        if (inputs.size() == 1) {
            return inputs.get(0).getAvailableFuture();
        }
        CompletableFuture<?>[] futures = inputs.stream()
                .filter(i -> !i.isFinished())
                .map(StreamTaskNetworkInput::getAvailableFuture)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.anyOf(futures);
    }

    private void suspendUntil(CompletableFuture<?> future) {
        if (future.isDone()) {
            return;
        }
        suspended = true;
        future.whenComplete((r, e) -> mailbox.put(() -> suspended = false, "resume " + name));
    }

    @Override
    public void processElement(int typeNumber, StreamElement element) throws Exception {
        StreamRecord<Object> record = element.asRecord();
        if (keyedHead != null) {
            if (typeNumber == 0) {
                keyedHead.setKeyContextElement1(record);
            } else {
                keyedHead.setKeyContextElement2(record);
            }
        }
        if (oneInputHead != null) {
            oneInputHead.processElement(record);
        } else if (typeNumber == 0) {
            twoInputHead.processElement1(record);
        } else {
            twoInputHead.processElement2(record);
        }
    }

    @Override
    public void processWatermark(int typeNumber, WatermarkElement watermark) throws Exception {
        if (oneInputHead != null) {
            oneInputHead.processWatermark(watermark);
        } else if (typeNumber == 0) {
            twoInputHead.processWatermark1(watermark);
        } else {
            twoInputHead.processWatermark2(watermark);
        }
    }

    @Override
    public void processWatermarkStatus(int typeNumber, WatermarkStatus status) throws Exception {
        if (oneInputHead != null) {
            oneInputHead.processWatermarkStatus(status);
        } else if (typeNumber == 0) {
            twoInputHead.processWatermarkStatus1(status);
        } else {
            twoInputHead.processWatermarkStatus2(status);
        }
    }

    /** Flushes partly filled network buffers (the buffer timeout); task thread. */
    void flushOutputs() {
        for (RecordWriter<StreamElement> w : writers) {
            w.flushAll();
        }
    }

    /** Any thread: makes the loop stop at its next turn. */
    void cancel() {
        canceled = true;
        mailbox.put(() -> {}, "cancel " + name);
    }
}
