@NullMarked
package dev.mcpstack.validator.config;

import org.jspecify.annotations.NullMarked;
