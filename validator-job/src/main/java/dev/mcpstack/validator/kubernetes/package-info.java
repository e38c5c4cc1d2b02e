/**
 * {@code --target kubernetes} and {@code launch}: the stack found by the chart's labels, faults through the API,
 * results in ConfigMaps. Every API call goes through {@link dev.mcpstack.validator.kubernetes.Access}, which is also
 * the RBAC the code needs.
 */
@NullMarked
package dev.mcpstack.validator.kubernetes;

import org.jspecify.annotations.NullMarked;
