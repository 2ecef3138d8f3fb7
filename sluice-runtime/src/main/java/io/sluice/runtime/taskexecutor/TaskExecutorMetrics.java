package io.sluice.runtime.taskexecutor;

import io.sluice.runtime.network.buffer.NetworkBufferPool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TaskManager's metrics, named as Flink names them where Flink has the metric: network buffers
 * ({@code Status.Shuffle.Netty.*}, in segments) and heap ({@code Status.JVM.Memory.Heap.*}, in
 * bytes). {@code Status.Shuffle.Netty.PeakUsedMemorySegments} is Sluice's own: the most buffers in
 * use at once since start, which shows that backpressure kept a producer within its pools.
 */
public final class TaskExecutorMetrics {
    public static final String TOTAL_SEGMENTS = "Status.Shuffle.Netty.TotalMemorySegments";
    public static final String USED_SEGMENTS = "Status.Shuffle.Netty.UsedMemorySegments";
    public static final String AVAILABLE_SEGMENTS = "Status.Shuffle.Netty.AvailableMemorySegments";
    public static final String PEAK_USED_SEGMENTS = "Status.Shuffle.Netty.PeakUsedMemorySegments";
    public static final String HEAP_USED = "Status.JVM.Memory.Heap.Used";
    public static final String HEAP_MAX = "Status.JVM.Memory.Heap.Max";

    private TaskExecutorMetrics() {}

    /** A snapshot, in a stable order. Thread-safe. */
    public static Map<String, Long> of(NetworkBufferPool pool) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        int used = pool.getBuffersInUse();
        metrics.put(TOTAL_SEGMENTS, (long) pool.getTotalBuffers());
        metrics.put(USED_SEGMENTS, (long) used);
        metrics.put(AVAILABLE_SEGMENTS, (long) pool.getTotalBuffers() - used);
        metrics.put(PEAK_USED_SEGMENTS, (long) pool.getPeakBuffersInUse());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        metrics.put(HEAP_USED, heap.getUsed());
        metrics.put(HEAP_MAX, heap.getMax());
        return metrics;
    }
}
