package io.sluice.client.cli.programs;

/** A job program whose main throws, for the CLI's exit code 1. */
public final class FailingProgram {
    private FailingProgram() {}

    public static void main(String[] args) {
        throw new IllegalStateException("no input for " + String.join(",", args));
    }
}
