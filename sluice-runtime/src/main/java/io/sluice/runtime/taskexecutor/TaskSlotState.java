package io.sluice.runtime.taskexecutor;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a slot on its TaskExecutor.
 *
 * <pre>
 * FREE ──requestSlot──► ALLOCATED ──offer accepted / first task──► ACTIVE
 *   ▲                       │                                        │
 *   └──── offer rejected ───┴──────────────── freeSlot ──────────────┘
 * </pre>
 */
public enum TaskSlotState {
    FREE,
    ALLOCATED,
    ACTIVE;

    public Set<TaskSlotState> successors() {
        return switch (this) {
            case FREE -> EnumSet.of(ALLOCATED);
            case ALLOCATED -> EnumSet.of(ACTIVE, FREE);
            case ACTIVE -> EnumSet.of(FREE);
        };
    }
}
