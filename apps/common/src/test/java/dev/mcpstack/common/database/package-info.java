@NullMarked
package dev.mcpstack.common.database;

import org.jspecify.annotations.NullMarked;
