/**
 * The client side of the cluster's REST API: {@link io.sluice.client.rest.RestClusterClient} uploads
 * and runs jars and asks about and cancels jobs; {@link io.sluice.client.rest.RestJobClient} is the
 * {@link io.sluice.api.common.JobClient} of one job on a cluster reached over REST.
 */
package io.sluice.client.rest;
