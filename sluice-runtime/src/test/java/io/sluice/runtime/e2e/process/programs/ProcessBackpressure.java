package io.sluice.runtime.e2e.process.programs;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;

/**
 * Backpressure across processes: a fast source sends {@code records} records of about 1 KiB to a
 * slow sink in another slot sharing group (so, with one slot per TaskManager, in another process).
 * The sink writes each record's number, in order, to {@code out/attempt-<a>/part-0}. Arguments:
 * {@code out records sleepEveryN sleepMs}.
 */
public final class ProcessBackpressure {
    private ProcessBackpressure() {}

    public static void main(String[] args) throws Exception {
        String out = args[0];
        long records = Long.parseLong(args[1]);
        long sleepEvery = Long.parseLong(args[2]);
        long sleepMs = Long.parseLong(args[3]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, records)
                .map(new Pad())
                .map(new SlowNumber(sleepEvery, sleepMs))
                .slotSharingGroup("slow")
                .sinkTo(new ProcessWordCount.LineFileSink(out))
                .slotSharingGroup("slow");
        env.execute("process backpressure");
    }

    /** The number followed by about 1 KiB of padding. */
    public static final class Pad implements MapFunction<Long, String> {
        private static final String PADDING = "x".repeat(1000);

        @Override
        public String map(Long value) {
            return value + ":" + PADDING;
        }
    }

    /** Back to the number, sleeping now and then: the slow consumer. */
    public static final class SlowNumber implements MapFunction<String, String> {
        private final long sleepEvery;
        private final long sleepMs;
        private long seen;

        public SlowNumber(long sleepEvery, long sleepMs) {
            this.sleepEvery = sleepEvery;
            this.sleepMs = sleepMs;
        }

        @Override
        public String map(String value) throws Exception {
            if (++seen % sleepEvery == 0) {
                Thread.sleep(sleepMs);
            }
            return value.substring(0, value.indexOf(':'));
        }
    }
}
