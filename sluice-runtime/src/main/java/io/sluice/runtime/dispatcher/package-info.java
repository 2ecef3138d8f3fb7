/**
 * The Dispatcher: accepts jobs, starts one JobMaster per job, answers status and result queries,
 * and keeps the results of finished jobs. {@link io.sluice.runtime.dispatcher.DispatcherGateway}
 * is what clients (the MiniCluster, later REST) call.
 */
package io.sluice.runtime.dispatcher;
