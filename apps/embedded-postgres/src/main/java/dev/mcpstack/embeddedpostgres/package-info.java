/** A restartable real PostgreSQL: the services' embedded default and the validator's local database. */
@NullMarked
package dev.mcpstack.embeddedpostgres;

import org.jspecify.annotations.NullMarked;
