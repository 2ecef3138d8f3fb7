package io.sluice.runtime.e2e.process.programs;

/** A program whose {@code main} throws before it submits anything. */
public final class ThrowingMain {
    private ThrowingMain() {}

    public static void main(String[] args) {
        throw new IllegalStateException("boom: the program refuses to run");
    }
}
