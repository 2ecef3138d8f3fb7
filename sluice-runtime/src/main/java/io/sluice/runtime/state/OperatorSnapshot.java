package io.sluice.runtime.state;

/**
 * The synchronous part of one operator's snapshot, taken on the task thread: what its keyed and
 * operator state backends captured. {@link #write} is the asynchronous part.
 *
 * @param keyed writes the keyed state, or null if the operator has none
 * @param operator writes the operator state, or null if it has none
 */
public record OperatorSnapshot(
        SnapshotWriter<KeyGroupsStateHandle> keyed, SnapshotWriter<OperatorStateHandle> operator) {
    public static final OperatorSnapshot EMPTY = new OperatorSnapshot(null, null);

    /** Writes both parts (any thread). */
    public OperatorSubtaskState write(CheckpointStreamFactory streams) throws Exception {
        KeyGroupsStateHandle keyedHandle = keyed == null ? null : keyed.write(streams);
        OperatorStateHandle operatorHandle = operator == null ? null : operator.write(streams);
        return new OperatorSubtaskState(
                keyedHandle == null ? java.util.List.of() : java.util.List.of(keyedHandle),
                operatorHandle == null ? java.util.List.of() : java.util.List.of(operatorHandle));
    }
}
