/** What the deployment tests share: skipping (or failing on CI) when an external tool is missing. */
@NullMarked
package dev.mcpstack.deployment.support;

import org.jspecify.annotations.NullMarked;
