@NullMarked
package dev.mcpstack.validator.load;

import org.jspecify.annotations.NullMarked;
