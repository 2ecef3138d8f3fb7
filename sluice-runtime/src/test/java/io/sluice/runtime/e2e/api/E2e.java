package io.sluice.runtime.e2e.api;

import io.sluice.api.environment.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers of the end-to-end API tests: environments and the parameter matrix. */
final class E2e {
    private E2e() {}

    /** Parallelism 1 and 4, each with chaining on and off. */
    static Stream<Arguments> parallelismAndChaining() {
        return Stream.of(Arguments.of(1, true), Arguments.of(1, false), Arguments.of(4, true), Arguments.of(4, false));
    }

    static StreamExecutionEnvironment env(int parallelism, boolean chaining) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setBufferTimeout(5);
        if (!chaining) {
            env.disableOperatorChaining();
        }
        return env;
    }

    static <T> List<T> drain(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static <T extends Comparable<? super T>> List<T> sorted(Collection<T> values) {
        List<T> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }
}
