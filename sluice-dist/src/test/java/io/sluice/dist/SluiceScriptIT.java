package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.WordCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the assembled distribution's {@code bin/sluice} as a separate process, the way a user does.
 * Needs {@code target/sluice-dist} (the package phase), hence a failsafe integration test.
 */
class SluiceScriptIT {
    private static final Path DIST = Path.of(System.getProperty("sluice.dist.dir", "target/sluice-dist"));
    private static final Path EXAMPLES_JAR = DIST.resolve("examples/sluice-examples.jar");

    @TempDir
    Path tmp;

    record Result(int exitCode, String stdout, String stderr) {}

    private Result sluice(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin/sluice").toString());
        command.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(tmp.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS", "-Xmx256m");
        pb.environment().remove("SLUICE_HOME");
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/sluice " + String.join(" ", args) + " did not end within 120 s; stderr:\n"
                    + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Test
    void wordCountOnAFile_withOutput_writesExactCounts() throws Exception {
        Path input = tmp.resolve("input.txt");
        List<String> lines = List.of(
                "The river, the mill; THE wheel.", "", "o'er the gate -- water_wheel 42 times 42", "Mill\tRIVER river");
        Files.write(input, lines);
        Path output = tmp.resolve("counts");

        Result r = sluice(
                "run",
                "--local",
                "-p",
                "2",
                EXAMPLES_JAR.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString());

        assertThat(r.exitCode()).as("stderr: %s", r.stderr()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(readCounts(output)).isEqualTo(countWords(lines));
        assertThat(readCounts(output))
                .isEqualTo(Map.of(
                        "the",
                        4L,
                        "river",
                        3L,
                        "mill",
                        2L,
                        "wheel",
                        1L,
                        "o",
                        1L,
                        "er",
                        1L,
                        "gate",
                        1L,
                        "water_wheel",
                        1L,
                        "42",
                        2L,
                        "times",
                        1L));
    }

    @Test
    void wordCountWithoutArguments_printsTheBuiltInTextsCountsSortedOnStdout() throws Exception {
        Result r = sluice("run", "--local", EXAMPLES_JAR.toString());

        assertThat(r.exitCode()).as("stderr: %s", r.stderr()).isZero();
        List<String> expected = new ArrayList<>();
        countWords(WordCount.builtInText()).forEach((word, count) -> expected.add(word + " " + count));
        assertThat(r.stdout().lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownOption_exitsWithTwoAndOneLineOnStderr() throws Exception {
        Result r = sluice("run", "--local", "--bogus", EXAMPLES_JAR.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("sluice run: Unknown option: '--bogus'; see 'sluice run --help'\n");
    }

    @Test
    void programArgumentError_exitsWithTwoAndTheProgramsLine() throws Exception {
        Result r = sluice("run", "--local", EXAMPLES_JAR.toString(), "--parallelism", "zero");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("WordCount: --parallelism must be a positive integer, was 'zero'\n");
    }

    @Test
    void version_printsTheVersion() throws Exception {
        Result r = sluice("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).matches("Sluice \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    private static Map<String, Long> countWords(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            for (String word : line.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> readCounts(Path dir) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.toList()) {
                for (String line : Files.readAllLines(part)) {
                    String[] fields = line.split(" ");
                    assertThat(fields).as("line '%s' of %s", line, part).hasSize(2);
                    assertThat(counts.put(fields[0], Long.parseLong(fields[1])))
                            .as("'%s' in two part files", fields[0])
                            .isNull();
                }
            }
        }
        return counts;
    }
}
