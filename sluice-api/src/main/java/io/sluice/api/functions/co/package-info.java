/** Functions over two connected streams. */
package io.sluice.api.functions.co;
