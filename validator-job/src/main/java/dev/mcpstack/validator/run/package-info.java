@NullMarked
package dev.mcpstack.validator.run;

import org.jspecify.annotations.NullMarked;
