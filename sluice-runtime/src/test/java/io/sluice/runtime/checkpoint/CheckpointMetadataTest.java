package io.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobID;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.ByteStreamStateHandle;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointMetadataTest {
    @TempDir
    Path dir;

    private static CompletedCheckpoint checkpoint(long id, Path location) {
        OperatorID op = new OperatorID(1, 2);
        OperatorSubtaskState state = new OperatorSubtaskState(
                List.of(new KeyGroupsStateHandle(
                        KeyGroupRange.of(0, 1), new long[] {0, 3}, new ByteStreamStateHandle("k", new byte[] {1, 2, 3, 4
                        }))),
                List.of());
        return new CompletedCheckpoint(
                new JobID(5, 6),
                id,
                1000,
                1010,
                Map.of(op, new OperatorState("Map", 2, 128, Map.of(1, state))),
                Map.of(new OperatorID(3, 4), new byte[] {9}),
                location.toString());
    }

    @Test
    void whenWrittenAndReadBack_thenEverythingIsThere_andNoTemporaryFileIsLeft() throws Exception {
        Path chk = dir.resolve("chk-7");
        CompletedCheckpoint written = checkpoint(7, chk);

        Path file = CheckpointMetadata.write(written, chk);
        CompletedCheckpoint read = CheckpointMetadata.read(chk, getClass().getClassLoader());

        assertThat(file).isEqualTo(chk.resolve("_metadata"));
        assertThat(Files.list(chk).map(p -> p.getFileName().toString()).toList())
                .containsExactly("_metadata");
        assertThat(read.checkpointId()).isEqualTo(7);
        assertThat(read.jobId()).isEqualTo(written.jobId());
        OperatorState op = read.operatorStates().get(new OperatorID(1, 2));
        assertThat(op.name()).isEqualTo("Map");
        assertThat(op.statesBySubtask()).hasSize(2);
        assertThat(op.statesBySubtask().get(0)).isEqualTo(OperatorSubtaskState.EMPTY);
        KeyGroupsStateHandle h = op.statesBySubtask().get(1).keyedState().get(0);
        assertThat(h.offsets()).containsExactly(0, 3);
        assertThat(h.delegate().openInputStream().readAllBytes()).containsExactly(1, 2, 3, 4);
        assertThat(read.coordinatorStates().get(new OperatorID(3, 4))).containsExactly(9);
    }

    @Test
    void whenAByteOfTheBodyIsFlipped_thenReadingFailsNamingTheFileAndTheChecksum() throws Exception {
        Path chk = dir.resolve("chk-3");
        Path file = CheckpointMetadata.write(checkpoint(3, chk), chk);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        assertThatThrownBy(() -> CheckpointMetadata.read(chk, getClass().getClassLoader()))
                .isInstanceOf(IOException.class)
                .hasMessage("Checkpoint metadata file " + file + " is corrupt: its checksum does not match");
    }

    @Test
    void whenTheFileIsTruncated_thenReadingSaysSo() throws Exception {
        Path chk = dir.resolve("chk-3");
        Path file = CheckpointMetadata.write(checkpoint(3, chk), chk);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> CheckpointMetadata.read(file, getClass().getClassLoader()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Checkpoint metadata file " + file + " is truncated");
    }

    @Test
    void whenTheFileIsMissingOrNotACheckpoint_thenTheMessageNamesTheFile() throws Exception {
        Path chk = dir.resolve("chk-9");
        Files.createDirectories(chk);
        assertThatThrownBy(() -> CheckpointMetadata.read(chk, getClass().getClassLoader()))
                .hasMessage("Checkpoint metadata file " + chk.resolve("_metadata")
                        + " does not exist: the checkpoint was not completed, or it was deleted");

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not a checkpoint");
        assertThatThrownBy(() -> CheckpointMetadata.read(text, getClass().getClassLoader()))
                .hasMessageStartingWith("Checkpoint metadata file " + text + " is not a Sluice checkpoint");
    }
}
