package io.sluice.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Deterministic inputs and checksum functions of the benchmark jobs. Every function is a pure
 * function of the record index, so Sluice and the Flink peer read the same input and must print the
 * same checksum.
 */
public final class Gen {
    /** Distinct words of P2. */
    public static final int VOCABULARY = 10_000;

    private Gen() {}

    /** The SplitMix64 finalizer. */
    public static long mix64(long z) {
        z ^= z >>> 30;
        z *= 0xbf58476d1ce4e5b9L;
        z ^= z >>> 27;
        z *= 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return z;
    }

    /** P1's map: {@code 3x + 1}. */
    public static long p1Map(long x) {
        return 3 * x + 1;
    }

    /** P1's filter: keeps even values. */
    public static boolean p1Filter(long x) {
        return (x & 1) == 0;
    }

    /** P2's word of record {@code i}: "w" followed by {@code mix64(i)} unsigned mod 10,000. */
    public static String word(long i) {
        return "w" + Long.remainderUnsigned(mix64(i), VOCABULARY);
    }

    /** FNV-1a, 64 bits, over the low byte of each char (the words are ASCII). */
    public static long fnv1a64(String s) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            hash = (hash ^ (s.charAt(i) & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** One word's share of the P2 checksum (the checksum is the sum over words, mod 2^64). */
    public static long p2Hash(String word, long finalCount) {
        return mix64(fnv1a64(word) + finalCount);
    }

    /** P3: the number of auctions (bid i is for auction {@code i % AUCTIONS}). */
    public static final long AUCTIONS = 1_000;

    /** P3: bids per event-time millisecond (bid i happens at {@code i / BIDS_PER_MS} ms). */
    public static final long BIDS_PER_MS = 10;

    public static long bidAuction(long i) {
        return i % AUCTIONS;
    }

    public static long bidBidder(long i) {
        return Long.remainderUnsigned(mix64(i ^ 0x2545F4914F6CDD1DL), 100_000);
    }

    public static long bidPrice(long i) {
        return 1 + Long.remainderUnsigned(mix64(i ^ 0x5bd1e995L), 10_000);
    }

    public static long bidTimestamp(long i) {
        return i / BIDS_PER_MS;
    }

    /** One window result's share of the P3 checksum. */
    public static long p3Hash(long auction, long windowEnd, long count, long sumPrice) {
        return mix64(mix64(mix64(auction) + windowEnd) + count * 1_000_003L + sumPrice);
    }

    /** Prints one {@code RESULT} line in the peer's format and flushes. */
    public static void printResult(String name, long records, double seconds, String fields) {
        System.out.printf(
                Locale.ROOT,
                "RESULT name=%s records=%d seconds=%.3f rate=%.0f %s%n",
                name,
                records,
                seconds,
                records / seconds,
                fields);
        System.out.flush();
    }

    /** {@code sluice-<version>} for the RESULT lines. */
    public static String engine() {
        Properties properties = new Properties();
        try (InputStream in = Gen.class.getResourceAsStream("/sluice-benchmarks.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sluice-benchmarks.properties from the class path", e);
        }
        return "sluice-" + properties.getProperty("version", "unknown");
    }
}
