@NullMarked
package dev.mcpstack.validator.scenarios;

import org.jspecify.annotations.NullMarked;
