@NullMarked
package dev.mcpstack.validator.resilience;

import org.jspecify.annotations.NullMarked;
