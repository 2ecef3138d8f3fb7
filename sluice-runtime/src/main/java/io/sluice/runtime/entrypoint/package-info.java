/**
 * The processes of a cluster: {@link io.sluice.runtime.entrypoint.JobManagerProcess} (Dispatcher
 * with the REST API, ResourceManager, blob server, a JobMaster per job) and {@link
 * io.sluice.runtime.entrypoint.TaskManagerProcess} (one TaskExecutor with its data server), talking
 * over a {@link io.sluice.runtime.rpc.grpc.GrpcRpcService}.
 */
package io.sluice.runtime.entrypoint;
