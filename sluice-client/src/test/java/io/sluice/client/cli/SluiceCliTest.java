package io.sluice.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.client.cli.programs.FailingProgram;
import io.sluice.client.cli.programs.NoMainProgram;
import io.sluice.client.cli.programs.ParallelismProgram;
import io.sluice.examples.WordCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SluiceCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int sluice(String... args) {
        return new SluiceCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path examplesJar() throws IOException {
        return TestJars.create(tmp.resolve("examples.jar"), WordCount.class, WordCount.class.getName());
    }

    private Path programsJar(String mainClass) throws IOException {
        return TestJars.create(tmp.resolve("programs.jar"), FailingProgram.class, mainClass);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void runLocal_wordCountOnAFile_writesTheCountsComputedIndependently(int parallelism) throws Exception {
        Path input = tmp.resolve("input.txt");
        List<String> lines = generateText(new Random(42 + parallelism), 400);
        Files.write(input, lines);
        Path output = tmp.resolve("out");

        int exit = sluice(
                "run",
                "--local",
                "-p",
                String.valueOf(parallelism),
                examplesJar().toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString());

        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(readCounts(output)).isEqualTo(countWords(lines));
        try (Stream<Path> parts = Files.list(output)) {
            assertThat(parts.count()).as("one part file per subtask").isEqualTo(parallelism);
        }
    }

    @Test
    void runLocal_givesTheProgramParallelismArgumentsAndItsJarsClassLoader() throws Exception {
        Path jar = programsJar(null);
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(programOut, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = sluice(
                    "run",
                    "--local",
                    "-p",
                    "3",
                    "-c",
                    ParallelismProgram.class.getName(),
                    jar.toString(),
                    "a",
                    "--b",
                    "-p");
        } finally {
            System.setOut(previous);
        }
        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(programOut.toString(StandardCharsets.UTF_8))
                .isEqualTo("parallelism=3 args=a,--b,-p loaderIsContext=true" + System.lineSeparator());
    }

    @Test
    void programThatThrows_exitsWithOneAndPrintsTheUnwrappedException() throws Exception {
        int exit = sluice(
                "run",
                "--local",
                "-c",
                FailingProgram.class.getName(),
                programsJar(null).toString(),
                "x",
                "y");

        assertThat(exit).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
        List<String> errLines = err().lines().toList();
        assertThat(errLines.get(0)).isEqualTo("The program failed: java.lang.IllegalStateException: no input for x,y");
        assertThat(errLines.get(1)).isEqualTo("java.lang.IllegalStateException: no input for x,y");
        assertThat(errLines.get(2)).contains("at " + FailingProgram.class.getName() + ".main(");
    }

    @Test
    void unknownOption_exitsWithTwoAndOneLine() throws Exception {
        int exit = sluice("run", "--local", "--bogus", examplesJar().toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("sluice run: Unknown option: '--bogus'; see 'sluice run --help'\n");
    }

    @Test
    void missingJarArgument_exitsWithTwoAndOneLine() {
        int exit = sluice("run", "--local");

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("sluice run: Missing required parameter: '<jar>'; see 'sluice run --help'\n");
    }

    @Test
    void jarThatDoesNotExist_exitsWithTwoAndOneLineNamingIt() {
        Path missing = tmp.resolve("missing.jar");

        int exit = sluice("run", "--local", missing.toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: the jar file '" + missing + "' does not exist or is not a file (resolved to "
                        + missing.toAbsolutePath() + "); check the path\n");
    }

    @Test
    void mainClassNotInJar_exitsWithTwoAndOneLine() throws Exception {
        Path jar = examplesJar();

        int exit = sluice("run", "--local", "-c", "io.sluice.examples.Nope", jar.toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: class 'io.sluice.examples.Nope' (given with -c) was not found in '" + jar
                        + "'; check the class name\n");
    }

    @Test
    void classWithoutStaticMain_exitsWithTwoAndOneLine() throws Exception {
        int exit = sluice(
                "run", "--local", programsJar(NoMainProgram.class.getName()).toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: class '" + NoMainProgram.class.getName()
                        + "' has no 'public static void main(String[])' method; name a class that has one\n");
    }

    @Test
    void jarWithoutMainClassAndNoDashC_exitsWithTwoAndOneLine() throws Exception {
        Path jar = programsJar(null);

        int exit = sluice("run", "--local", jar.toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: the jar '" + jar
                        + "' has no Main-Class in its manifest; name the class to run with -c <class>\n");
    }

    @Test
    void localWithDetachedOrJobManager_exitsWithTwo() throws Exception {
        int exit = sluice("run", "--local", "-d", examplesJar().toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: --local runs the job in this JVM; it does not go with -d, which is for a"
                        + " cluster\n");
        err.reset();
        assertThat(sluice(
                        "run", "--local", "-m", "127.0.0.1:8081", examplesJar().toString()))
                .isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice run: --local runs the job in this JVM; it does not go with -m, which is for a"
                        + " cluster\n");
    }

    @Test
    void parallelismBelowOne_exitsWithTwo() throws Exception {
        int exit = sluice("run", "--local", "-p", "0", examplesJar().toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("sluice run: -p must be at least 1, was 0; pass the parallelism as -p N\n");
    }

    @Test
    void noCommand_exitsWithTwo() {
        assertThat(sluice()).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice: missing command; run a job with 'sluice run <jar>', see 'sluice --help'\n");
    }

    @Test
    void help_printsUsageOfEveryCommand() {
        assertThat(sluice("--help")).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out())
                .startsWith("Usage: sluice [-hV] [COMMAND]")
                .contains("  run     Runs the main method of a job jar on a cluster")
                .contains("  list    Lists the cluster's jobs")
                .contains("  status  Prints a job's state")
                .contains("  cancel  Cancels a running job");
        out.reset();
        assertThat(sluice("run", "--help")).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out().replaceAll("\\s+", " "))
                .startsWith(
                        "Usage: sluice run [-dhnV] [--local] [-c=MainClass] [-m=host:port] [-p=N] [-s=path] <jar> [args...]")
                .contains("--local");
        assertThat(err()).isEmpty();
    }

    @Test
    void version_printsTheBuildVersion() {
        assertThat(sluice("--version")).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out()).matches("Sluice \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    /** Lines of words from a small vocabulary with mixed case and punctuation. */
    static List<String> generateText(Random random, int lineCount) {
        String[] vocabulary = {"Stream", "sluice", "river", "Flow", "gate", "water", "mill", "wheel", "o'er", "x_y"};
        String[] separators = {" ", ", ", "; ", " -- ", "!  ", "\t"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            StringBuilder line = new StringBuilder();
            int words = random.nextInt(12);
            for (int w = 0; w < words; w++) {
                String word = vocabulary[random.nextInt(vocabulary.length)];
                line.append(random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word)
                        .append(separators[random.nextInt(separators.length)]);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Counted without the engine: lower case, split at \W+, empty tokens dropped. */
    static Map<String, Long> countWords(List<String> lines) {
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

    static Map<String, Long> readCounts(Path dir) throws IOException {
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
