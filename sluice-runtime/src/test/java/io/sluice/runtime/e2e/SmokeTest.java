package io.sluice.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void mapFilterCollect() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Long> out = new ArrayList<>();
        env.fromSequence(1, 10)
                .map(x -> x * 10)
                .filter(x -> x % 20 == 0)
                .executeAndCollect()
                .forEachRemaining(out::add);
        out.sort(null);
        assertThat(out).containsExactly(20L, 40L, 60L, 80L, 100L);
    }

    @Test
    void keyBySum() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Tuple2<String, Long>> out = new ArrayList<>();
        env.fromSequence(0, 99)
                .map(i -> Tuple2.of("k" + (i % 3), 1L))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect()
                .forEachRemaining(out::add);
        assertThat(out).hasSize(100);
        assertThat(out.stream()
                        .filter(t -> t.f0.equals("k0"))
                        .mapToLong(t -> t.f1)
                        .max()
                        .getAsLong())
                .isEqualTo(34L);
    }
}
