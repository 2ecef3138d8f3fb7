package io.sluice.benchmarks;

/** A P3 window result: bids per auction per tumbling window (a POJO, as in the Flink peer). */
public class AuctionCount {
    public long auction;
    public long windowEnd;
    public long count;
    public long sumPrice;

    public AuctionCount() {}
}
