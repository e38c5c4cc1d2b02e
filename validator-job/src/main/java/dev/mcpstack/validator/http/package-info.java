@NullMarked
package dev.mcpstack.validator.http;

import org.jspecify.annotations.NullMarked;
