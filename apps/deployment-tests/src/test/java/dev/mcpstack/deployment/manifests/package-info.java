/** k8s/: the chart rendered for {@code kubectl apply -k}, and the validation Job for {@code kubectl create -f}. */
@NullMarked
package dev.mcpstack.deployment.manifests;

import org.jspecify.annotations.NullMarked;
