@NullMarked
package dev.mcpstack.common.testapp;

import org.jspecify.annotations.NullMarked;
