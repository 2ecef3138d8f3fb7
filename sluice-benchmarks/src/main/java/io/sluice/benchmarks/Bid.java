package io.sluice.benchmarks;

/** A P3 bid (a POJO, as in the Flink peer). */
public class Bid {
    public long auction;
    public long bidder;
    public long price;
    public long dateTime;

    public Bid() {}

    /** Bid {@code i} of the generator. */
    public static Bid of(long i) {
        Bid b = new Bid();
        b.auction = Gen.bidAuction(i);
        b.bidder = Gen.bidBidder(i);
        b.price = Gen.bidPrice(i);
        b.dateTime = Gen.bidTimestamp(i);
        return b;
    }
}
