package io.sluice.api.state;

import java.util.OptionalLong;

/** What {@link CheckpointedFunction#initializeState} gets: where its state lives, and whether it is restored. */
public interface FunctionInitializationContext {
    /** True when the task restores a checkpoint (its states then hold what was checkpointed). */
    boolean isRestored();

    /** The checkpoint restored from, empty when {@link #isRestored()} is false. */
    OptionalLong getRestoredCheckpointId();

    /** The operator state (lists and broadcast maps) of this parallel instance. */
    OperatorStateStore getOperatorStateStore();

    /**
     * The keyed state store of the operator, or {@code null} when the operator is not on a keyed
     * stream. Keyed state needs a current key, so the states it gives are used later, while
     * processing records, not in {@code initializeState}.
     */
    KeyedStateStore getKeyedStateStore();
}
