@NullMarked
package dev.mcpstack.common.validation;

import org.jspecify.annotations.NullMarked;
