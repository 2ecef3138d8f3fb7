package io.sluice.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Splits the byte stream into frames ({@code int length | type | payload}) and decodes each into a
 * {@link NettyMessage}. One instance per connection (it buffers partial frames); runs on the
 * connection's event loop.
 */
final class NettyMessageDecoder extends LengthFieldBasedFrameDecoder {
    NettyMessageDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return NettyMessage.decode(frame);
        } finally {
            frame.release();
        }
    }
}
