package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionWindowingTest {

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void builtInClicks_formSessions_andTheOutOfOrderClickBridgesAlicesTwoSessions(int parallelism) throws Exception {
        assertThat(run("--parallelism", String.valueOf(parallelism)))
                .isEqualTo("alice [1, 10) 3\n" + "bob [1, 8) 4\n" + "bob [20, 23) 1\n" + "carol [6, 9) 1\n"
                        + "carol [11, 14) 3\n");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void aShorterGap_splitsSessions(int parallelism) throws Exception {
        // gap 2: bob's clicks at 1, 3, 5 still chain (each within 2); alice's 4 reaches neither 1 nor 7
        assertThat(run("--gap", "2", "--parallelism", String.valueOf(parallelism)))
                .isEqualTo("alice [1, 3) 1\n" + "alice [4, 6) 1\n" + "alice [7, 9) 1\n" + "bob [1, 7) 4\n"
                        + "bob [20, 22) 1\n" + "carol [6, 8) 1\n" + "carol [11, 13) 3\n");
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SessionWindowing.run(
                ExampleArgs.parse("SessionWindowing", args, SessionWindowing.ARGUMENTS),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
