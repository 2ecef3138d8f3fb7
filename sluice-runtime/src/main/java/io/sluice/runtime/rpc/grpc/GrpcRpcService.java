package io.sluice.runtime.rpc.grpc;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.sluice.runtime.rpc.EndpointStoppedException;
import io.sluice.runtime.rpc.FencingTokenException;
import io.sluice.runtime.rpc.RpcConnectionException;
import io.sluice.runtime.rpc.RpcException;
import io.sluice.runtime.rpc.RpcService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RpcService} of a process cluster: gateway calls travel as gRPC unary calls whose
 * payload is the Java-serialized invocation (the gateways take only serializable arguments), so any
 * gateway interface works remotely without generated stubs.
 *
 * <p>Each process runs one server; endpoints register under {@code sluice://host:port/name#token}
 * ({@link #qualify}). A call carries the target's token and the sender's address; a call whose
 * token is not the endpoint's current one is rejected with {@link FencingTokenException}, so
 * messages meant for an earlier incarnation (a restarted JobManager) never run. Well-known
 * addresses without a token are turned into current ones with {@link #resolve}. Calls between
 * endpoints of the same process go straight to the gateway object, as in {@link
 * io.sluice.runtime.rpc.LocalRpcService}.
 *
 * <p>Calls from one thread to one endpoint run in the order they were made (as within one JVM):
 * they go out on one connection in order and the server hands each to the endpoint's main thread
 * in arrival order. (HTTP/2 flow control could let a small call overtake one of many megabytes;
 * the control plane's ordered messages, such as operator events, are small.)
 *
 * <p>A remote stub's methods never block: they return a future completed on an RPC thread, with
 * {@link RpcConnectionException} when the peer's process cannot be reached and a {@link
 * TimeoutException} after the ask timeout. The peer's own failures arrive as their exceptions (or
 * an {@link RpcException} with their text when the class is unknown here).
 *
 * <p>Security: like Flink's RPC, invocations are Java-serialized; bind it to an address only the
 * cluster's hosts reach (the default is 127.0.0.1).
 */
public final class GrpcRpcService implements RpcService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcRpcService.class);
    private static final String SERVICE_NAME = "sluice.Rpc";
    /** Deployment descriptors carry the serialized operator chain; sources may embed their data. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

    private static final MethodDescriptor<byte[], byte[]> INVOKE = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Invoke"))
            .setRequestMarshaller(BytesMarshaller.INSTANCE)
            .setResponseMarshaller(BytesMarshaller.INSTANCE)
            .build();

    private record Registered(Object gateway, String token) {}

    private final String host;
    private final int port;
    private final Server server;
    private final ExecutorService executor;
    private final Duration askTimeout;
    private final ClassLoader classLoader;
    private final ConcurrentHashMap<String, Registered> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MethodKey, Method> methods = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    private record MethodKey(Class<?> type, String name, String signature) {}

    private GrpcRpcService(String host, int port, Server server, ExecutorService executor, Duration askTimeout) {
        this.host = host;
        this.port = port;
        this.server = server;
        this.executor = executor;
        this.askTimeout = askTimeout;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.classLoader = context != null ? context : GrpcRpcService.class.getClassLoader();
    }

    /**
     * Starts the server on {@code bindHost:port} (0 for an ephemeral port). Other processes reach it
     * as {@code externalHost}.
     */
    public static GrpcRpcService start(String bindHost, int port, String externalHost, Duration askTimeout)
            throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        GrpcRpcService[] self = new GrpcRpcService[1];
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE_NAME)
                .addMethod(INVOKE, ServerCalls.asyncUnaryCall((request, out) -> self[0].serve(request, out)))
                .build();
        // Calls are handed to their endpoint in the order they arrive on a connection: the handler
        // only deserializes and enqueues on the endpoint's main thread, so it runs on the transport
        // thread itself. A pool would reorder two calls of one sender (a reader's registration and
        // its first split request).
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port))
                .addService(service)
                .directExecutor()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IOException(
                    "The RPC server could not listen on " + bindHost + ":" + port + " (is the port taken?): " + e, e);
        }
        self[0] = new GrpcRpcService(externalHost, server.getPort(), server, executor, askTimeout);
        LOG.info("RPC service listening on {}:{} as {}", bindHost, server.getPort(), self[0].getAddress());
        return self[0];
    }

    /** {@code sluice://host:port}: this process as callers see it. */
    public String getAddress() {
        return RpcAddress.SCHEME + host + ":" + port;
    }

    public int getPort() {
        return port;
    }

    @Override
    public String qualify(String name) {
        byte[] token = new byte[8];
        random.nextBytes(token);
        return new RpcAddress(host, port, name, HexFormat.of().formatHex(token)).toString();
    }

    @Override
    public void register(String address, Object gateway) {
        RpcAddress a = localAddress(address);
        Registered previous = endpoints.putIfAbsent(a.name(), new Registered(gateway, a.token()));
        if (previous != null) {
            throw new IllegalArgumentException("An endpoint is already registered at address '" + address + "'");
        }
    }

    @Override
    public void unregister(String address) {
        RpcAddress a = localAddress(address);
        endpoints.computeIfPresent(
                a.name(), (name, r) -> a.token() == null || a.token().equals(r.token()) ? null : r);
    }

    @Override
    public <G> G connect(String address, Class<G> type) {
        if (!RpcAddress.isRemoteForm(address) || isLocal(RpcAddress.parse(address))) {
            RpcAddress a = localAddress(address);
            Registered r = endpoints.get(a.name());
            if (r == null) {
                throw new IllegalArgumentException("No endpoint is registered at address '" + address
                        + "'; it has shut down or was never started");
            }
            if (!type.isInstance(r.gateway())) {
                throw new IllegalArgumentException("The endpoint at address '" + address + "' is a "
                        + r.gateway().getClass().getSimpleName() + ", not a " + type.getSimpleName());
            }
            return type.cast(r.gateway());
        }
        RpcAddress target = RpcAddress.parse(address);
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Stub(target, type));
        return type.cast(stub);
    }

    @Override
    public CompletableFuture<String> resolve(String address) {
        if (!RpcAddress.isRemoteForm(address)) {
            return CompletableFuture.completedFuture(address);
        }
        RpcAddress a = RpcAddress.parse(address);
        if (isLocal(a)) {
            Registered r = endpoints.get(a.name());
            return r == null
                    ? CompletableFuture.failedFuture(new EndpointStoppedException(a.name()))
                    : CompletableFuture.completedFuture(new RpcAddress(host, port, a.name(), r.token()).toString());
        }
        RpcInvocation lookup = new RpcInvocation(
                null, null, getAddress(), "resolve", new String[] {String.class.getName()}, new Object[] {a.name()});
        return call(a, "resolve", lookup).thenApply(String.class::cast);
    }

    /** Stops serving and closes connections; calls in flight fail. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        channels.values().forEach(ManagedChannel::shutdown);
        try {
            if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
            for (ManagedChannel channel : channels.values()) {
                if (!channel.awaitTermination(500, TimeUnit.MILLISECONDS)) {
                    channel.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
            channels.values().forEach(ManagedChannel::shutdownNow);
        }
        executor.shutdownNow();
    }

    private boolean isLocal(RpcAddress a) {
        return a.port() == port && a.host().equals(host);
    }

    private RpcAddress localAddress(String address) {
        if (!RpcAddress.isRemoteForm(address)) {
            return new RpcAddress(host, port, address, null);
        }
        RpcAddress a = RpcAddress.parse(address);
        if (!isLocal(a)) {
            throw new IllegalArgumentException(
                    "Address '" + address + "' belongs to another process than this one (" + getAddress() + ")");
        }
        return a;
    }

    // ---- server side ----

    private void serve(byte[] request, StreamObserver<byte[]> out) {
        RpcInvocation invocation;
        try {
            invocation = (RpcInvocation) deserialize(request);
        } catch (Exception e) {
            reply(out, null, new RpcException("Malformed RPC request to " + getAddress() + ": " + e));
            return;
        }
        try {
            Object result = invoke(invocation);
            if (result instanceof CompletableFuture<?> future) {
                future.whenComplete((value, error) -> reply(out, value, error));
            } else {
                reply(out, result, null);
            }
        } catch (InvocationTargetException e) {
            reply(out, null, e.getCause());
        } catch (Throwable t) {
            reply(out, null, t);
        }
    }

    private Object invoke(RpcInvocation invocation) throws Exception {
        if (invocation.target() == null) {
            String name = (String) invocation.args()[0];
            Registered r = endpoints.get(name);
            if (r == null) {
                throw new EndpointStoppedException(name);
            }
            return new RpcAddress(host, port, name, r.token()).toString();
        }
        Registered r = endpoints.get(invocation.target());
        if (r == null) {
            throw new EndpointStoppedException(invocation.target());
        }
        if (r.token() != null && !r.token().equals(invocation.token())) {
            throw new FencingTokenException("Rejected " + invocation.methodName() + " from " + invocation.sender()
                    + " to '" + invocation.target() + "' at " + getAddress() + ": its fencing token "
                    + invocation.token() + " is not the endpoint's current token " + r.token()
                    + " (the message was meant for an earlier incarnation of the endpoint)");
        }
        return method(r.gateway().getClass(), invocation).invoke(r.gateway(), invocation.args());
    }

    private Method method(Class<?> type, RpcInvocation invocation) throws Exception {
        MethodKey key = new MethodKey(type, invocation.methodName(), String.join(",", invocation.parameterTypes()));
        Method m = methods.get(key);
        if (m == null) {
            Class<?>[] params = new Class<?>[invocation.parameterTypes().length];
            for (int i = 0; i < params.length; i++) {
                params[i] = classFor(invocation.parameterTypes()[i]);
            }
            m = type.getMethod(invocation.methodName(), params);
            m.setAccessible(true);
            methods.put(key, m);
        }
        return m;
    }

    private Class<?> classFor(String name) throws ClassNotFoundException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            default -> Class.forName(name, false, classLoader);
        };
    }

    private void reply(StreamObserver<byte[]> out, Object value, Throwable error) {
        byte[] bytes;
        if (error == null) {
            try {
                bytes = serialize(RpcResponse.success(value));
            } catch (IOException e) {
                error = new RpcException("The result of the call could not be serialized: " + e);
                bytes = null;
            }
        } else {
            bytes = null;
        }
        if (bytes == null) {
            Throwable cause = unwrap(error);
            byte[] serializedError;
            try {
                serializedError = serialize(cause);
            } catch (IOException e) {
                serializedError = null;
            }
            try {
                bytes = serialize(new RpcResponse(null, serializedError, String.valueOf(cause)));
            } catch (IOException e) {
                out.onError(
                        Status.INTERNAL.withDescription(String.valueOf(cause)).asRuntimeException());
                return;
            }
        }
        out.onNext(bytes);
        out.onCompleted();
    }

    // ---- client side ----

    private final class Stub implements InvocationHandler {
        private final RpcAddress target;
        private final Class<?> type;

        Stub(RpcAddress target, Class<?> type) {
            this.target = target;
            this.type = type;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + "@" + target;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Class<?>[] types = method.getParameterTypes();
            String[] typeNames = new String[types.length];
            for (int i = 0; i < types.length; i++) {
                typeNames[i] = types[i].getName();
            }
            RpcInvocation invocation = new RpcInvocation(
                    target.name(),
                    target.token(),
                    getAddress(),
                    method.getName(),
                    typeNames,
                    args == null ? new Object[0] : args);
            CompletableFuture<Object> result = call(target, type.getSimpleName() + "." + method.getName(), invocation);
            if (CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
                return result;
            }
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        }
    }

    private CompletableFuture<Object> call(RpcAddress target, String what, RpcInvocation invocation) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new RpcException("The RPC service of " + getAddress() + " is closed"));
            return result;
        }
        byte[] request;
        try {
            request = serialize(invocation);
        } catch (IOException e) {
            result.completeExceptionally(new RpcException(
                    "The arguments of " + what + " to " + target + " could not be serialized: " + e, e));
            return result;
        }
        ManagedChannel channel = channel(target);
        ClientCalls.asyncUnaryCall(
                channel.newCall(
                        INVOKE, CallOptions.DEFAULT.withDeadlineAfter(askTimeout.toMillis(), TimeUnit.MILLISECONDS)),
                request,
                new StreamObserver<>() {
                    @Override
                    public void onNext(byte[] response) {
                        complete(result, target, response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(translate(channel, target, what, t));
                    }

                    @Override
                    public void onCompleted() {}
                });
        return result;
    }

    private void complete(CompletableFuture<Object> result, RpcAddress target, byte[] bytes) {
        try {
            RpcResponse response = (RpcResponse) deserialize(bytes);
            if (!response.failed()) {
                result.complete(response.value());
                return;
            }
            Throwable error = null;
            if (response.error() != null) {
                try {
                    error = (Throwable) deserialize(response.error());
                } catch (Exception e) {
                    error = null;
                }
            }
            result.completeExceptionally(
                    error != null ? error : new RpcException(response.errorText() + " (at " + target + ")"));
        } catch (Exception e) {
            result.completeExceptionally(new RpcException("Malformed response from " + target + ": " + e, e));
        }
    }

    private Throwable translate(ManagedChannel channel, RpcAddress target, String what, Throwable t) {
        Status status = t instanceof StatusRuntimeException s ? s.getStatus() : Status.fromThrowable(t);
        return switch (status.getCode()) {
            case UNAVAILABLE -> {
                // Let the next call try to connect at once instead of waiting out gRPC's backoff.
                channel.resetConnectBackoff();
                yield new RpcConnectionException(
                        "Could not reach " + target.hostPort() + " for " + what + " to '" + target.name() + "': "
                                + status.getDescription(),
                        t);
            }
            case DEADLINE_EXCEEDED -> new TimeoutException(
                    what + " to " + target + " got no answer within " + askTimeout.toMillis() + " ms");
            default -> new RpcException(what + " to " + target + " failed: " + status, t);
        };
    }

    private ManagedChannel channel(RpcAddress target) {
        return channels.computeIfAbsent(
                target.hostPort(), hp -> NettyChannelBuilder.forAddress(target.host(), target.port())
                        .usePlaintext()
                        .executor(executor)
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .build());
    }

    // ---- serialization ----

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return in.readObject();
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sluice-rpc-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private enum BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL
                        .withDescription("Could not read an RPC message: " + e)
                        .asRuntimeException();
            }
        }
    }
}
