package io.sluice.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.operators.OperatorHarness;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import org.junit.jupiter.api.Test;

class ChainingOutputWatermarkStatusTest {
    @Test
    @SuppressWarnings("unchecked")
    void whenTheStatusRepeats_thenItPassesOnceAndWatermarksAreDroppedWhileIdle() throws Exception {
        OperatorHarness harness = new OperatorHarness();
        MapFunction<Long, Long> identity = v -> v;
        OneInputStreamOperator<Long, Long> map =
                (OneInputStreamOperator<Long, Long>) OperatorFactory.create(new OperatorSpec.MapSpec(identity));
        harness.setup(map, StreamNode.Kind.OPERATOR, null, null, null);
        map.open();
        ChainingOutput<Long> output = new ChainingOutput<>(map, 0, null, null);

        output.emitWatermark(new WatermarkElement(5));
        output.emitWatermarkStatus(WatermarkStatus.ACTIVE); // already active: nothing
        output.emitWatermarkStatus(WatermarkStatus.IDLE);
        output.emitWatermarkStatus(WatermarkStatus.IDLE);
        output.emitWatermark(new WatermarkElement(6)); // idle: dropped
        output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        output.emitWatermark(new WatermarkElement(7));

        assertThat(harness.output.take()).containsExactly("w:5", "IDLE", "ACTIVE", "w:7");
    }
}
