package io.sluice.runtime.state;

import java.io.Serializable;
import java.util.List;

/**
 * What a restoring operator subtask gets: the state every subtask of the operator wrote into the
 * checkpoint. Each backend takes its own share: keyed state by key group range, operator list
 * state by subtask (the same subtask's when the parallelism is unchanged, an even split
 * otherwise), union state all of it, broadcast state one copy.
 *
 * @param checkpointId the checkpoint restored from
 * @param oldSubtasks what each subtask of the old run wrote, by its subtask index
 */
public record OperatorRestore(long checkpointId, List<OperatorSubtaskState> oldSubtasks) implements Serializable {
    public OperatorRestore {
        oldSubtasks = List.copyOf(oldSubtasks);
    }

    public int oldParallelism() {
        return oldSubtasks.size();
    }
}
