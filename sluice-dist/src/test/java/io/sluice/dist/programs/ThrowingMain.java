package io.sluice.dist.programs;

/** A program whose {@code main} throws before it builds a job, for application mode's failure path. */
public final class ThrowingMain {
    public static final String MESSAGE = "no input for this application";

    private ThrowingMain() {}

    public static void main(String[] args) {
        throw new IllegalStateException(MESSAGE);
    }
}
