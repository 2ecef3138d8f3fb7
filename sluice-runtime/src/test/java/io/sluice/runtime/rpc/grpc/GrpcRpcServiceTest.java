package io.sluice.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.rpc.EndpointStoppedException;
import io.sluice.runtime.rpc.FencingTokenException;
import io.sluice.runtime.rpc.RpcConnectionException;
import java.io.Serializable;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcRpcServiceTest {
    public interface EchoGateway {
        CompletableFuture<String> echo(String text, int times);

        CompletableFuture<List<Point>> move(List<Point> points, long dx);

        CompletableFuture<Void> fail(String message);

        CompletableFuture<String> never();
    }

    public record Point(long x, long y) implements Serializable {}

    public static final class EchoFailure extends IllegalStateException {
        EchoFailure(String message) {
            super(message);
        }
    }

    public static final class Echo implements EchoGateway {
        @Override
        public CompletableFuture<String> echo(String text, int times) {
            return CompletableFuture.completedFuture(text.repeat(times));
        }

        @Override
        public CompletableFuture<List<Point>> move(List<Point> points, long dx) {
            return CompletableFuture.supplyAsync(
                    () -> points.stream().map(p -> new Point(p.x() + dx, p.y())).toList());
        }

        @Override
        public CompletableFuture<Void> fail(String message) {
            return CompletableFuture.failedFuture(new EchoFailure(message));
        }

        @Override
        public CompletableFuture<String> never() {
            return new CompletableFuture<>();
        }
    }

    private GrpcRpcService server;
    private GrpcRpcService client;

    @BeforeEach
    void start() throws Exception {
        server = GrpcRpcService.start("127.0.0.1", 0, "127.0.0.1", Duration.ofSeconds(2));
        // Generous: a cold first call on a loaded machine can take a second; only the timeout test waits.
        client = GrpcRpcService.start("127.0.0.1", 0, "127.0.0.1", Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void callsTravelBetweenProcessesWithTheirArgumentsAndResults() throws Exception {
        String address = server.qualify("echo");
        server.register(address, new Echo());
        EchoGateway remote = client.connect(address, EchoGateway.class);

        assertThat(remote).isNotInstanceOf(Echo.class);
        assertThat(remote.echo("ab", 3).get(5, TimeUnit.SECONDS)).isEqualTo("ababab");
        assertThat(remote.move(List.of(new Point(1, 2), new Point(-5, 7)), 10).get(5, TimeUnit.SECONDS))
                .containsExactly(new Point(11, 2), new Point(5, 7));
    }

    @Test
    void theCalleesExceptionReachesTheCallerWithItsType() {
        String address = server.qualify("echo");
        server.register(address, new Echo());
        EchoGateway remote = client.connect(address, EchoGateway.class);

        assertThatThrownBy(() -> remote.fail("boom").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(EchoFailure.class)
                .hasMessage("boom");
    }

    @Test
    void aLocalAddressGivesTheGatewayItself() {
        String address = server.qualify("echo");
        Echo echo = new Echo();
        server.register(address, echo);

        assertThat(server.connect(address, EchoGateway.class)).isSameAs(echo);
    }

    @Test
    void aStaleFencingTokenIsRejectedAndResolveGivesTheCurrentAddress() throws Exception {
        String old = server.qualify("echo");
        server.register(old, new Echo());
        server.unregister(old);
        String current = server.qualify("echo");
        server.register(current, new Echo());

        assertThatThrownBy(() ->
                        client.connect(old, EchoGateway.class).echo("x", 1).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("Rejected echo from " + client.getAddress() + " to 'echo'")
                .hasMessageContaining("earlier incarnation");

        String wellKnown = server.getAddress() + "/echo";
        String resolved = client.resolve(wellKnown).get(5, TimeUnit.SECONDS);
        assertThat(resolved).isEqualTo(current);
        assertThat(client.connect(resolved, EchoGateway.class).echo("y", 2).get(5, TimeUnit.SECONDS))
                .isEqualTo("yy");
    }

    @Test
    void aCallToAnEndpointThatStoppedFailsNamingIt() {
        String address = server.qualify("echo");
        EchoGateway remote = client.connect(address, EchoGateway.class);

        assertThatThrownBy(() -> remote.echo("x", 1).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(EndpointStoppedException.class)
                .hasMessageContaining("'echo'");
    }

    @Test
    void anUnreachableProcessFailsWithAConnectionException() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        EchoGateway remote = client.connect("sluice://127.0.0.1:" + freePort + "/echo#00", EchoGateway.class);

        assertThatThrownBy(() -> remote.echo("x", 1).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("Could not reach 127.0.0.1:" + freePort + " for EchoGateway.echo to 'echo'");
    }

    @Test
    void aCallWithoutAnswerTimesOut() throws Exception {
        String address = server.qualify("echo");
        server.register(address, new Echo());
        try (GrpcRpcService impatient = GrpcRpcService.start("127.0.0.1", 0, "127.0.0.1", Duration.ofMillis(500))) {
            EchoGateway remote = impatient.connect(address, EchoGateway.class);

            assertThatThrownBy(() -> remote.never().get(5, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(TimeoutException.class)
                    .hasMessage("EchoGateway.never to " + address + " got no answer within 500 ms");
        }
    }

    @Test
    void malformedAddressesAreRejectedWithTheirForm() {
        assertThatThrownBy(() -> client.connect("sluice://nohost/echo", EchoGateway.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RPC address 'sluice://nohost/echo' is not of the form sluice://host:port/name[#token]");
    }
}
