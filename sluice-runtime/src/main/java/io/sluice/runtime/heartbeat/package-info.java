/**
 * Heartbeats between the control-plane components: a {@link
 * io.sluice.runtime.heartbeat.HeartbeatMonitor} owned by one endpoint's main thread asks the peers it
 * watches for a heartbeat every {@code heartbeat.interval} (or records the heartbeats they send) and
 * reports a peer lost when it stays silent for {@code heartbeat.timeout}, or at once when its process
 * cannot be reached.
 */
package io.sluice.runtime.heartbeat;
