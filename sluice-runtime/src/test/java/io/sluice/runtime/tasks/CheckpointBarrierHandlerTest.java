package io.sluice.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.network.api.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointBarrierHandlerTest {
    private final List<String> events = new ArrayList<>();

    private CheckpointBarrierHandler handler(int channels, boolean aligned) {
        return new CheckpointBarrierHandler(channels, aligned, new CheckpointBarrierHandler.Actions() {
            @Override
            public void triggerCheckpointOnBarrier(CheckpointBarrier barrier, long alignmentNanos) {
                events.add("snapshot " + barrier.getId());
            }

            @Override
            public void abortCheckpointOnBarrier(long checkpointId, String reason) {
                events.add("abort " + checkpointId + ": " + reason);
            }

            @Override
            public void channelsUnblocked() {
                events.add("unblocked");
            }
        });
    }

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 100 + id);
    }

    @Test
    void exactlyOnce_blocksEachChannelThatDeliveredTheBarrier_untilAllDid() throws Exception {
        CheckpointBarrierHandler h = handler(3, true);

        h.processBarrier(barrier(1), 1);
        assertThat(new boolean[] {h.isBlocked(0), h.isBlocked(1), h.isBlocked(2)})
                .containsExactly(false, true, false);
        h.processBarrier(barrier(1), 0);
        assertThat(events).isEmpty();
        h.processBarrier(barrier(1), 2);

        assertThat(events).containsExactly("unblocked", "snapshot 1");
        assertThat(new boolean[] {h.isBlocked(0), h.isBlocked(1), h.isBlocked(2)})
                .containsExactly(false, false, false);
    }

    @Test
    void anEndedChannelCountsAsAligned_forThisAndEveryLaterCheckpoint() throws Exception {
        CheckpointBarrierHandler h = handler(2, true);

        h.processBarrier(barrier(1), 0);
        h.processEndOfPartition(1);
        h.processBarrier(barrier(2), 0);

        assertThat(events).containsExactly("unblocked", "snapshot 1", "unblocked", "snapshot 2");
    }

    @Test
    void aNewerBarrierDuringAnAlignment_abortsTheOlderCheckpoint() throws Exception {
        CheckpointBarrierHandler h = handler(2, true);

        h.processBarrier(barrier(1), 0);
        h.processBarrier(barrier(2), 1);
        h.processBarrier(barrier(1), 0); // late, ignored
        h.processBarrier(barrier(2), 0);

        assertThat(events)
                .containsExactly(
                        "unblocked",
                        "abort 1: barrier of newer checkpoint 2 arrived before the alignment of 1 ended",
                        "unblocked",
                        "snapshot 2");
    }

    @Test
    void whenTheCoordinatorAborts_thenTheAlignmentStops_andLateBarriersAreIgnored() throws Exception {
        CheckpointBarrierHandler h = handler(2, true);

        h.processBarrier(barrier(1), 0);
        h.abort(1);
        h.processBarrier(barrier(1), 1);

        assertThat(events).containsExactly("unblocked");
        assertThat(h.isBlocked(0)).isFalse();
        assertThat(h.isAligning()).isFalse();
    }

    @Test
    void atLeastOnce_neverBlocks_andSnapshotsWhenTheLastBarrierArrives() throws Exception {
        CheckpointBarrierHandler h = handler(2, false);

        h.processBarrier(barrier(1), 0);
        assertThat(h.isBlocked(0)).isFalse();
        h.processBarrier(barrier(1), 1);

        assertThat(events).containsExactly("snapshot 1");
    }
}
