/** What flows between operators: records with optional timestamps, watermarks, watermark statuses, and their wire serializer. */
package io.sluice.runtime.streamrecord;
