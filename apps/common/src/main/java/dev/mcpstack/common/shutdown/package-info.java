/** Graceful shutdown: readiness goes down and traffic drains before the listener closes. */
@NullMarked
package dev.mcpstack.common.shutdown;

import org.jspecify.annotations.NullMarked;
