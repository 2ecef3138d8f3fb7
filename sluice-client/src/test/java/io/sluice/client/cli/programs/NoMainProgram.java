package io.sluice.client.cli.programs;

/** A class with a main method that is not static, which the CLI must refuse. */
public final class NoMainProgram {
    public void main(String[] args) {}
}
