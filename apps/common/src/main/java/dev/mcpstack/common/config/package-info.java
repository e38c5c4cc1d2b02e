@NullMarked
package dev.mcpstack.common.config;

import org.jspecify.annotations.NullMarked;
