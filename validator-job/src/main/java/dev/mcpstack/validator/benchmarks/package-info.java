@NullMarked
package dev.mcpstack.validator.benchmarks;

import org.jspecify.annotations.NullMarked;
