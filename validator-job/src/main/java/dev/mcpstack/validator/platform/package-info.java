@NullMarked
package dev.mcpstack.validator.platform;

import org.jspecify.annotations.NullMarked;
