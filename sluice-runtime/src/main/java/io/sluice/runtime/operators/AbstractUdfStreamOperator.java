package io.sluice.runtime.operators;

import io.sluice.api.functions.Function;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.state.CheckpointListener;
import io.sluice.api.state.CheckpointedFunction;
import io.sluice.api.state.FunctionInitializationContext;
import io.sluice.api.state.FunctionSnapshotContext;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * An operator around one user function: gives it its runtime context and opens and closes it. A
 * function that is a {@link CheckpointedFunction} gets {@code initializeState} after the state
 * backends exist and {@code snapshotState} at every checkpoint before they capture their state; a
 * {@link CheckpointListener} hears of completed and aborted checkpoints.
 */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;
    private boolean functionOpened;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = userFunction;
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
        }
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            checkpointed.initializeState(new InitializationContext(
                    context.isRestored() ? OptionalLong.of(context.getRestoredCheckpointId()) : OptionalLong.empty(),
                    getOperatorStateBackend(),
                    isKeyed() ? runtimeContext : null));
        }
    }

    @Override
    protected void snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
        super.snapshotOperatorState(checkpointId, timestamp);
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(new SnapshotContext(checkpointId, timestamp));
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (userFunction instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (userFunction instanceof CheckpointListener listener) {
            listener.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (userFunction instanceof RichFunction rich) {
            functionOpened = true;
            rich.open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (functionOpened && userFunction instanceof RichFunction rich) {
                functionOpened = false;
                rich.close();
            }
        } finally {
            super.close();
        }
    }

    private record InitializationContext(
            OptionalLong restoredCheckpointId, OperatorStateStore operatorStateStore, KeyedStateStore keyedStateStore)
            implements FunctionInitializationContext {
        @Override
        public boolean isRestored() {
            return restoredCheckpointId.isPresent();
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
            return restoredCheckpointId;
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
            return operatorStateStore;
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
            return keyedStateStore;
        }
    }

    private record SnapshotContext(long checkpointId, long timestamp) implements FunctionSnapshotContext {
        @Override
        public long getCheckpointId() {
            return checkpointId;
        }

        @Override
        public long getCheckpointTimestamp() {
            return timestamp;
        }
    }
}
