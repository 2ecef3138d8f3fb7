/** What flows between operators: records with optional timestamps, watermarks, and their wire serializer. */
package io.sluice.runtime.streamrecord;
