package io.sluice.runtime.resourcemanager;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a slot as the ResourceManager tracks it.
 *
 * <pre>
 * FREE ──(request matched)──► ALLOCATED ──(TaskExecutor reports it free)──► FREE
 * </pre>
 */
public enum SlotState {
    FREE,
    ALLOCATED;

    public Set<SlotState> successors() {
        return switch (this) {
            case FREE -> EnumSet.of(ALLOCATED);
            case ALLOCATED -> EnumSet.of(FREE);
        };
    }
}
