package io.sluice.runtime.e2e.process.programs;

/** A program that ends its {@code main} with {@code System.exit(3)}, from a thread it started. */
public final class ExitingMain {
    private ExitingMain() {}

    public static void main(String[] args) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                System.exit(4);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        worker.join();
        if (failure[0] == null) {
            throw new AssertionError("System.exit(4) returned");
        }
        System.exit(3);
    }
}
