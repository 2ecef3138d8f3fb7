package io.sluice.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of application mode; running applications is tested in sluice-dist's SluiceClusterIT. */
class ApplicationProcessTest {
    @TempDir
    Path tmp;

    @Test
    void optionsBeforeTheJar_argumentsAfterItGoToTheProgramUnchanged() throws Exception {
        Path jar = jar(null);

        ApplicationProcess.Invocation invocation = ApplicationProcess.parse(new String[] {
            "-p", "3", "-Drest.port=0", "-c", "com.example.Job", jar.toString(), "--input", "x", "-p", "-Dk=v"
        });

        assertThat(invocation)
                .isEqualTo(new ApplicationProcess.Invocation(
                        3, "com.example.Job", List.of("-Drest.port=0"), jar, List.of("--input", "x", "-p", "-Dk=v")));
    }

    @Test
    void wrongCommandLines_exitWithTwoAndOneLine() throws Exception {
        Path jar = jar(null);

        assertThat(run("-p", "0", jar.toString()))
                .isEqualTo(new Outcome(2, "", "sluice application: -p must be a positive integer, was '0'\n"));
        assertThat(run("--bogus", jar.toString()))
                .isEqualTo(new Outcome(
                        2, "", "sluice application: unknown option '--bogus'; " + ApplicationProcess.USAGE + "\n"));
        assertThat(run("-c"))
                .isEqualTo(new Outcome(
                        2, "", "sluice application: option -c needs a value; " + ApplicationProcess.USAGE + "\n"));
        assertThat(run(tmp.resolve("missing.jar").toString()))
                .isEqualTo(new Outcome(
                        2,
                        "",
                        "sluice application: the jar '" + tmp.resolve("missing.jar")
                                + "' does not exist or is not a file\n"));
        assertThat(run(jar.toString()))
                .isEqualTo(new Outcome(
                        2,
                        "",
                        "sluice application: the jar '" + jar + "' names no Main-Class in its manifest; give the"
                                + " entry class with -c\n"));
    }

    @Test
    void parse_noJar_isAUsageError() {
        assertThatThrownBy(() -> ApplicationProcess.parse(new String[] {"-p", "2"}))
                .isInstanceOf(ApplicationProcess.UsageException.class)
                .hasMessage("no jar given; " + ApplicationProcess.USAGE);
    }

    record Outcome(int exitCode, String stdout, String stderr) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ApplicationProcess.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An empty jar, with {@code mainClass} in its manifest unless null. */
    private Path jar(String mainClass) throws IOException {
        Path jar = tmp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // The manifest only.
        }
        return jar;
    }
}
