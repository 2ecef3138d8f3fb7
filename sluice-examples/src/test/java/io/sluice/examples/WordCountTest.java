package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {
    @TempDir
    Path tmp;

    @Test
    void builtInText_withOutputDir_writesFinalCountsOfEveryWordOnce() throws Exception {
        Path out = tmp.resolve("out");
        WordCount.run(ExampleArgs.parse(
                "WordCount", new String[] {"--output", out.toString(), "--parallelism", "2"}, WordCount.ARGUMENTS));

        assertThat(readAllParts(out)).isEqualTo(countIndependently(List.of(WordCount.BUILT_IN_TEXT)));
        assertThat(readAllParts(out)).containsEntry("to", 19L).containsEntry("sleep", 5L);
    }

    @Test
    void directoryInput_readsEveryFileInIt() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Apple banana\napple\n");
        Files.writeString(in.resolve("b.txt"), "BANANA, cherry! apple?\n");
        Path out = tmp.resolve("out");

        WordCount.run(ExampleArgs.parse(
                "WordCount",
                new String[] {"--input", in.toString(), "--output", out.toString(), "--parallelism", "3"},
                WordCount.ARGUMENTS));

        assertThat(readAllParts(out)).isEqualTo(Map.of("apple", 3L, "banana", 2L, "cherry", 1L));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("part-0", "part-1", "part-2");
        }
    }

    @Test
    void eachPartFile_isSortedByWord() throws Exception {
        Path out = tmp.resolve("out");
        WordCount.run(ExampleArgs.parse(
                "WordCount", new String[] {"--output", out.toString(), "--parallelism", "2"}, WordCount.ARGUMENTS));
        for (int subtask = 0; subtask < 2; subtask++) {
            List<String> words = new ArrayList<>();
            for (String line : Files.readAllLines(FinalCountSink.partFile(out, subtask))) {
                words.add(line.split(" ")[0]);
            }
            assertThat(words).isSorted();
        }
    }

    @Test
    void unknownArgument_isAUsageErrorNamingIt() {
        assertThatThrownBy(() -> ExampleArgs.parse("WordCount", new String[] {"--inptu", "x"}, WordCount.ARGUMENTS))
                .isInstanceOf(ExampleArgs.UsageException.class)
                .hasMessage("WordCount: unknown argument '--inptu'; allowed: --input <value>, --output <value>,"
                        + " --parallelism <value>");
    }

    @Test
    void nonNumericParallelism_isAUsageError() {
        ExampleArgs args = ExampleArgs.parse("WordCount", new String[] {"--parallelism", "two"}, WordCount.ARGUMENTS);
        assertThatThrownBy(() -> args.getPositiveInt("parallelism", 1))
                .hasMessage("WordCount: --parallelism must be a positive integer, was 'two'");
    }

    @Test
    void missingValue_isAUsageError() {
        assertThatThrownBy(() -> ExampleArgs.parse("WordCount", new String[] {"--output"}, WordCount.ARGUMENTS))
                .hasMessage("WordCount: argument '--output' needs a value");
    }

    /** The counts computed without the engine: lower case, split at \W+, empty tokens dropped. */
    static Map<String, Long> countIndependently(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            for (String w : line.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    counts.merge(w, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** All {@code word count} lines of all part files; fails if a word appears twice. */
    static Map<String, Long> readAllParts(Path dir) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] parts = line.split(" ");
                    assertThat(parts).as("line '%s' of %s", line, f).hasSize(2);
                    assertThat(counts.put(parts[0], Long.parseLong(parts[1])))
                            .as("word '%s' written twice", parts[0])
                            .isNull();
                }
            }
        }
        return counts;
    }
}
