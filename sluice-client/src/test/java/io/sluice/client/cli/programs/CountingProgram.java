package io.sluice.client.cli.programs;

import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichMapFunction;

/** A job named "counting" over 1..N (N = args[0]) whose map sums the values into the accumulator "sum". */
public final class CountingProgram {
    private CountingProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, Long.parseLong(args[0])).map(new Summing()).sinkTo(new DiscardingSink<>());
        env.execute("counting");
    }

    static final class Summing extends RichMapFunction<Long, Long> {
        private final LongCounter sum = new LongCounter();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("sum", sum);
        }

        @Override
        public Long map(Long value) {
            sum.add(value);
            return value;
        }
    }
}
