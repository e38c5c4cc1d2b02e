@NullMarked
package dev.mcpstack.common.metrics;

import org.jspecify.annotations.NullMarked;
