/** Job-level types shared by the API and the runtime: job ids and statuses, results, clients, the execution config. */
package io.sluice.api.common;
