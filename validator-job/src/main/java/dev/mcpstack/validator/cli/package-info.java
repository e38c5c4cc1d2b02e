@NullMarked
package dev.mcpstack.validator.cli;

import org.jspecify.annotations.NullMarked;
