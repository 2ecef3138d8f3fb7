package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark jobs print the Flink peer's reference checksums (README of the peer benchmark). */
class BenchmarkJobsTest {

    @Test
    void generatorsMatchTheirDefinitions() {
        assertThat(Gen.mix64(0)).isEqualTo(0L);
        assertThat(Gen.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Gen.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Gen.word(0)).isEqualTo("w0");
        assertThat(Gen.word(1)).isEqualTo("w" + Long.remainderUnsigned(Gen.mix64(1), 10_000));
    }

    @Test
    void p1OfAMillionRecords_printsTheReferenceChecksum() throws Exception {
        assertThat(P1Stateless.run(1_000_000, 2)).isEqualTo(750000500000L);
        assertThat(Results.COUNT.sum()).isEqualTo(500_000L);
    }

    @Test
    void p1OfTwoMillionRecords_printsTheReferenceChecksum() throws Exception {
        assertThat(P1Stateless.run(2_000_000, 2)).isEqualTo(3000001000000L);
    }

    @Test
    void p2OfAMillionRecords_printsTheReferenceChecksum_withEveryWordOnOneSubtask() throws Exception {
        assertThat(P2WordCount.run(1_000_000, 2)).isEqualTo(6754212586099357672L);
        assertThat(Results.WORD_COUNTS).hasSize(10_000);
        assertThat(Results.WORD_COUNTS.values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1_000_000L);
        assertThat(Results.COUNT.sum()).isEqualTo(1_000_000L);
        assertThat(Results.WORD_COLLISIONS.sum()).isZero();
    }

    @Test
    void p4OfThreeElements_sumsThemToSix() throws Exception {
        assertThat(P4Startup.run(1, System.nanoTime())).isEqualTo(6L);
        assertThat(Results.COUNT.sum()).isEqualTo(3L);
    }
}
