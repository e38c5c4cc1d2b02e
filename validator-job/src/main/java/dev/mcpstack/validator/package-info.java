@NullMarked
package dev.mcpstack.validator;

import org.jspecify.annotations.NullMarked;
