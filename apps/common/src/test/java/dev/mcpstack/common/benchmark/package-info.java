@NullMarked
package dev.mcpstack.common.benchmark;

import org.jspecify.annotations.NullMarked;
