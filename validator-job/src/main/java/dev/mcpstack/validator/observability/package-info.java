@NullMarked
package dev.mcpstack.validator.observability;

import org.jspecify.annotations.NullMarked;
