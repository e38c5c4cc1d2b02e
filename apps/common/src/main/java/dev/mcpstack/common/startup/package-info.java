@NullMarked
package dev.mcpstack.common.startup;

import org.jspecify.annotations.NullMarked;
