@NullMarked
package dev.mcpstack.validator.regression;

import org.jspecify.annotations.NullMarked;
