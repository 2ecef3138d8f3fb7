package io.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyGroupRangeAssignmentTest {

    @Test
    void keyGroupsOfKnownKeysArePinned_soStateStaysReadableAcrossVersions() {
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(0, 128)).isEqualTo(94);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(1, 128)).isEqualTo(42);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(2, 128)).isEqualTo(127);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(42, 128)).isEqualTo(99);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(-1, 128)).isEqualTo(80);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup("a", 128)).isEqualTo(81);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup("hello", 128)).isEqualTo(35);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup("user-17", 128)).isEqualTo(49);
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(123456789L, 128)).isEqualTo(47);
    }

    @Test
    void murmurOfZeroIsTheReferenceMurmur3Value() {
        // murmur3_32(seed 0) of the 4 bytes of int 0 is 0x2362F9DE.
        assertThat(KeyGroupRangeAssignment.murmurHash(0)).isEqualTo(0x2362F9DE);
    }

    @Test
    void enumsHashByName_notByIdentity() {
        assertThat(KeyGroupRangeAssignment.assignToKeyGroup(TimeUnit.SECONDS, 128))
                .isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup("SECONDS", 128));
    }

    @Test
    void keyGroupIsNonNegativeForAllHashes() {
        for (int hash : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 0x80000001, 12345}) {
            assertThat(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, 7))
                    .isBetween(0, 6);
        }
    }

    @Test
    void operatorIndexOfKnownKeysIsPinned() {
        assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(0, 128, 4))
                .isEqualTo(2);
        assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(1, 128, 4))
                .isEqualTo(1);
        assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(2, 128, 4))
                .isEqualTo(3);
        assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator("a", 128, 4))
                .isEqualTo(2);
    }

    @Test
    void rangesCoverAllKeyGroupsWithoutOverlap_andAgreeWithOperatorIndex() {
        for (int maxParallelism : new int[] {1, 7, 128, 1000, 32768}) {
            for (int parallelism : new int[] {1, 2, 3, 5, 7, 16, 100, 128}) {
                if (parallelism > maxParallelism) {
                    continue;
                }
                int expectedStart = 0;
                for (int op = 0; op < parallelism; op++) {
                    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                            maxParallelism, parallelism, op);
                    assertThat(range.getStartKeyGroup())
                            .as("start of %s/%s/%s", maxParallelism, parallelism, op)
                            .isEqualTo(expectedStart);
                    assertThat(range.getNumberOfKeyGroups()).isPositive();
                    for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
                                        maxParallelism, parallelism, kg))
                                .isEqualTo(op);
                    }
                    expectedStart = range.getEndKeyGroup() + 1;
                }
                assertThat(expectedStart).isEqualTo(maxParallelism);
            }
        }
    }

    @Test
    void rangesForMaxParallelism10AndParallelism3AreExact() {
        assertThat(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(10, 3, 0))
                .isEqualTo(KeyGroupRange.of(0, 3));
        assertThat(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(10, 3, 1))
                .isEqualTo(KeyGroupRange.of(4, 6));
        assertThat(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(10, 3, 2))
                .isEqualTo(KeyGroupRange.of(7, 9));
    }

    @Test
    void nullKeyFailsWithMessageAboutTheKeySelector() {
        assertThatThrownBy(() -> KeyGroupRangeAssignment.assignToKeyGroup(null, 128))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("keyBy key selector returned null");
    }

    @Test
    void parallelismAboveMaxParallelismIsRejected() {
        assertThatThrownBy(() -> KeyGroupRangeAssignment.checkParallelismPreconditions(200, 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Parallelism 200 must be in [1, max parallelism 128]");
        assertThatThrownBy(() -> KeyGroupRangeAssignment.checkParallelismPreconditions(0))
                .hasMessageContaining("Max parallelism 0 is outside [1, 32768]");
    }
}
