package io.sluice.runtime.rest.restoreprogram;

import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;

/** A bounded job named "restore job", for the tests of the restore settings of a jar run. */
public final class RestoreProgram {
    private RestoreProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 10).sinkTo(new DiscardingSink<>());
        env.execute("restore job");
    }
}
