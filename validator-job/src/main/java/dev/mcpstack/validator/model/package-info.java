@NullMarked
package dev.mcpstack.validator.model;

import org.jspecify.annotations.NullMarked;
