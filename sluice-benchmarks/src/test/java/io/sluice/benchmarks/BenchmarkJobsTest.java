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
    void p3OfAMillionRecords_printsTheReferenceChecksum() throws Exception {
        assertThat(P3Windows.run(1_000_000, 2, 1000, 1000, 0)).isEqualTo(8200066632144965859L);
        assertThat(Results.TOTAL.sum()).isEqualTo(1_000_000L);
        assertThat(Results.COUNT.sum()).isEqualTo(100_000L); // 1000 auctions x 100 one-second windows
    }

    @Test
    void p3WithCheckpointsEvery20Ms_printsTheSameChecksum_andCheckpointed() throws Exception {
        assertThat(P3Windows.run(1_000_000, 2, 1000, 1000, 20)).isEqualTo(8200066632144965859L);
        assertThat(Results.TOTAL.sum()).isEqualTo(1_000_000L);
        assertThat(Results.CHECKPOINT_FLUSHES.sum()).isPositive();
    }

    @Test
    void p3Bids_matchTheirDefinitions() {
        assertThat(Gen.bidAuction(12_345)).isEqualTo(345L);
        assertThat(Gen.bidTimestamp(12_345)).isEqualTo(1_234L);
        assertThat(Gen.bidPrice(7)).isEqualTo(1 + Long.remainderUnsigned(Gen.mix64(7 ^ 0x5bd1e995L), 10_000));
        assertThat(Gen.p3Hash(1, 2, 3, 4)).isEqualTo(Gen.mix64(Gen.mix64(Gen.mix64(1) + 2) + 3 * 1_000_003L + 4));
    }

    @Test
    void p4OfThreeElements_sumsThemToSix() throws Exception {
        assertThat(P4Startup.run(1, System.nanoTime())).isEqualTo(6L);
        assertThat(Results.COUNT.sum()).isEqualTo(3L);
    }
}
