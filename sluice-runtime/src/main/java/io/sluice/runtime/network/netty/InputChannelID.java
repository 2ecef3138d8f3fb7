package io.sluice.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/** Identifies one remote input channel on a data connection; random, so it never repeats in practice. */
public record InputChannelID(long upper, long lower) {
    public static InputChannelID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new InputChannelID(random.nextLong(), random.nextLong());
    }

    void writeTo(ByteBuf out) {
        out.writeLong(upper);
        out.writeLong(lower);
    }

    static InputChannelID readFrom(ByteBuf in) {
        return new InputChannelID(in.readLong(), in.readLong());
    }

    @Override
    public String toString() {
        return String.format("%016x%016x", upper, lower);
    }
}
