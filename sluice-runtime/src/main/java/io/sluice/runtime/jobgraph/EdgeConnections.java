package io.sluice.runtime.jobgraph;

import java.util.ArrayList;
import java.util.List;

/**
 * Which subpartition of which producer subtask each consumer subtask reads. The JobMaster uses it
 * to build input channel descriptors; producers use {@link #numSubpartitions} to size their
 * partitions. One definition, so the two sides cannot disagree.
 */
public final class EdgeConnections {
    private EdgeConnections() {}

    /** One input channel of a consumer: (producer subtask, subpartition of that producer). */
    public record Channel(int producerSubtask, int subpartition) {}

    /** Number of subpartitions producer subtask {@code producer} has. */
    public static int numSubpartitions(DistributionPattern pattern, int producer, int producers, int consumers) {
        if (pattern == DistributionPattern.ALL_TO_ALL) {
            return consumers;
        }
        if (producers >= consumers) {
            return 1;
        }
        // Producers < consumers: producer p feeds consumers [start(p), start(p+1)).
        return rangeStart(producer + 1, producers, consumers) - rangeStart(producer, producers, consumers);
    }

    /** The channels consumer subtask {@code consumer} reads, in channel-index order. */
    public static List<Channel> channelsOf(DistributionPattern pattern, int consumer, int producers, int consumers) {
        List<Channel> channels = new ArrayList<>();
        if (pattern == DistributionPattern.ALL_TO_ALL) {
            for (int p = 0; p < producers; p++) {
                channels.add(new Channel(p, consumer));
            }
        } else if (producers >= consumers) {
            // Consumer c reads producers [start(c), start(c+1)), subpartition 0 of each.
            int from = rangeStart(consumer, consumers, producers);
            int to = rangeStart(consumer + 1, consumers, producers);
            for (int p = from; p < to; p++) {
                channels.add(new Channel(p, 0));
            }
        } else {
            for (int p = 0; p < producers; p++) {
                int from = rangeStart(p, producers, consumers);
                int to = rangeStart(p + 1, producers, consumers);
                if (consumer >= from && consumer < to) {
                    channels.add(new Channel(p, consumer - from));
                }
            }
        }
        return channels;
    }

    /** Start of group i when {@code total} items are split into {@code groups} contiguous groups. */
    private static int rangeStart(int i, int groups, int total) {
        return (int) ((long) i * total / groups);
    }
}
