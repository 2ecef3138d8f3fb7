package io.sluice.runtime.e2e.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.configuration.MemorySize;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.typeinfo.Types;
import io.sluice.connector.file.sink.FileSink;
import io.sluice.connector.file.sink.OutputFileConfig;
import io.sluice.connector.file.sink.SimpleStringEncoder;
import io.sluice.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.sluice.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bounded job without checkpointing writes through the FileSink: everything is committed at the end. */
class FileSinkEndToEndTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @CsvSource({"1, true", "3, true", "3, false"})
    void boundedJobWithoutCheckpointing_commitsExactlyItsRecordsAtTheEndOfInput(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setBufferTimeout(5);
        if (!chaining) {
            env.disableOperatorChaining();
        }
        env.fromSequence(1, 2000)
                .map(x -> "line-" + x)
                .returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(DefaultRollingPolicy.builder()
                                .withMaxPartSize(new MemorySize(1000))
                                .build())
                        .withOutputFileConfig(OutputFileConfig.builder()
                                .withPartPrefix("out")
                                .withPartSuffix(".txt")
                                .build())
                        .build());
        env.execute("file sink e2e");

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            expected.add("line-" + i);
        }
        expected.sort(null);

        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                names.add(f.getFileName().toString());
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        assertThat(names.stream().filter(n -> n.startsWith(".")).toList()).isEmpty();
        assertThat(lines.size()).isEqualTo(expected.size());
        assertThat(lines).isEqualTo(expected);
        // every part committed: no hidden file is left, and every name has the configured form;
        // 18,893 bytes of lines in parts of 1001 to 1010 bytes (the one that passes 1000 closes it)
        assertThat(names).allMatch(n -> n.matches("out-[0-9a-f-]{36}-\\d+\\.txt"), "committed part names");
        assertThat(names.size()).isBetween(19, 19 + parallelism);
    }
}
