/** State-related interfaces of the user API (checkpoint listeners; keyed state comes with the event-time work). */
package io.sluice.api.state;
