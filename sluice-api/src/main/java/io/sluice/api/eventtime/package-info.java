/** Event time: watermarks, watermark strategies and generators, timestamp assigners. */
package io.sluice.api.eventtime;
