{{/* The chart's name, or nameOverride. */}}
{{- define "mcp-stack.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release name if it contains the chart's name, else "<release>-<chart name>". */}}
{{- define "mcp-stack.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mcp-stack.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. Call with (dict "root" $ "component" "codebase-mcp"). */}}
{{- define "mcp-stack.labels" -}}
{{ include "mcp-stack.selectorLabels" . }}
app.kubernetes.io/part-of: mcp-stack
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "mcp-stack.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels: name + instance + component only. */}}
{{- define "mcp-stack.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mcp-stack.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* "<repository>:<tag>", the tag defaulting to the chart's appVersion. Call with (dict "root" $ "image" .Values.x.image). */}}
{{- define "mcp-stack.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{- define "mcp-stack.codebaseUrl" -}}
{{- printf "http://%s-codebase-mcp:8020" (include "mcp-stack.fullname" .) }}
{{- end }}

{{- define "mcp-stack.pushgatewayUrl" -}}
{{- printf "http://%s-pushgateway:9091" (include "mcp-stack.fullname" .) }}
{{- end }}

{{/* The Secret holding the database user and password, and its keys. */}}
{{- define "mcp-stack.databaseSecret" -}}
{{- if .Values.postgresql.enabled }}
{{- default (printf "%s-postgresql" (include "mcp-stack.fullname" .)) .Values.postgresql.existingSecret }}
{{- else }}
{{- required "externalDatabase.existingSecret is required when postgresql.enabled is false" .Values.externalDatabase.existingSecret }}
{{- end }}
{{- end }}

{{- define "mcp-stack.databaseUsernameKey" -}}
{{- if .Values.postgresql.enabled }}username{{ else }}{{ .Values.externalDatabase.usernameKey }}{{ end }}
{{- end }}

{{- define "mcp-stack.databasePasswordKey" -}}
{{- if .Values.postgresql.enabled }}password{{ else }}{{ .Values.externalDatabase.passwordKey }}{{ end }}
{{- end }}

{{- define "mcp-stack.databaseUrl" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "r2dbc:postgresql://%s-postgresql:5432/%s" (include "mcp-stack.fullname" .) .Values.postgresql.database }}
{{- else }}
{{- required "externalDatabase.url is required when postgresql.enabled is false" .Values.externalDatabase.url }}
{{- end }}
{{- end }}

{{/* Pod-level security context of the restricted profile. Call with (dict "uid" 10001 "gid" 10001 "fsGroup" 10001). */}}
{{- define "mcp-stack.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .gid }}
fsGroup: {{ .fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "mcp-stack.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The validator's container args (shared by the Job, the CronJob and the helm test). Call with (dict "root" $ "profile" p "suites" s). */}}
{{- define "mcp-stack.validatorArgs" -}}
- run
- --target
- kubernetes
- --release
- {{ .root.Release.Name | quote }}
- --profile
- {{ .profile | quote }}
- --suites
- {{ .suites | quote }}
- --out
- /tmp/validation
{{- if .root.Values.pushgateway.enabled }}
- --pushgateway
- {{ include "mcp-stack.pushgatewayUrl" .root | quote }}
{{- end }}
{{- range .root.Values.validator.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end }}

{{/* The validator's pod spec, shared by the Job, the CronJob and the helm test. Call with (dict "root" $ "profile" p "suites" s). */}}
{{- define "mcp-stack.validatorPodSpec" -}}
{{- $v := .root.Values.validator -}}
serviceAccountName: {{ include "mcp-stack.fullname" .root }}-validator
automountServiceAccountToken: true
restartPolicy: Never
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
securityContext:
  {{- include "mcp-stack.podSecurityContext" (dict "uid" .root.Values.podSecurity.runAsUser "gid" .root.Values.podSecurity.runAsGroup "fsGroup" .root.Values.podSecurity.fsGroup) | nindent 2 }}
containers:
  - name: validator
    image: {{ include "mcp-stack.image" (dict "root" .root "image" $v.image) }}
    imagePullPolicy: {{ $v.image.pullPolicy }}
    args:
      {{- include "mcp-stack.validatorArgs" . | nindent 6 }}
    {{- with $v.javaOpts }}
    env:
      - name: JAVA_TOOL_OPTIONS
        value: {{ . | quote }}
    {{- end }}
    securityContext:
      {{- include "mcp-stack.containerSecurityContext" . | nindent 6 }}
    resources:
      {{- toYaml $v.resources | nindent 6 }}
    volumeMounts:
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir: {}
{{- with $v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The two services: component name, values key and port. */}}
{{- define "mcp-stack.services" -}}
codebase-mcp:
  key: codebaseMcp
  port: 8020
workflow-mcp:
  key: workflowMcp
  port: 8010
{{- end }}

{{/* A service's ConfigMap (its checksum rolls the Deployment). Call with (dict "root" $ "component" c "port" p "values" v). */}}
{{- define "mcp-stack.serviceConfigMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "mcp-stack.fullname" .root }}-{{ .component }}
  labels:
    {{- include "mcp-stack.labels" . | nindent 4 }}
data:
  SERVER_PORT: {{ .port | quote }}
  SPRING_R2DBC_URL: {{ include "mcp-stack.databaseUrl" .root | quote }}
  {{- if eq .component "workflow-mcp" }}
  WORKFLOW_CODEBASE_URL: {{ include "mcp-stack.codebaseUrl" .root | quote }}
  {{- end }}
  {{- /* MCP checks the Host header (DNS-rebinding protection, loopback only by default): in the cluster clients
         call the Service by its DNS names, so those are allowed too, next to loopback for port-forwarding */}}
  {{- $svc := printf "%s-%s" (include "mcp-stack.fullname" .root) .component }}
  {{- $ns := .root.Release.Namespace }}
  {{- $hosts := list "localhost:*" "127.0.0.1:*" "[::1]:*" "localhost" "127.0.0.1" "[::1]" }}
  {{- range $name := list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.cluster.local" $svc $ns) }}
  {{- $hosts = append $hosts $name }}
  {{- $hosts = append $hosts (printf "%s:%v" $name $.port) }}
  {{- end }}
  MCP_SERVER_SECURITY_ALLOWEDHOSTS: {{ join "," $hosts | quote }}
  {{- with .values.javaOpts }}
  JAVA_TOOL_OPTIONS: {{ . | quote }}
  {{- end }}
  {{- range $name, $value := .values.env }}
  {{ $name }}: {{ $value | toString | quote }}
  {{- end }}
{{- end }}

{{/* NetworkPolicy egress rule from a service to its database. */}}
{{- define "mcp-stack.databaseEgress" -}}
{{- if .Values.postgresql.enabled -}}
- ports:
    - port: 5432
      protocol: TCP
  to:
    - podSelector:
        matchLabels:
          {{- include "mcp-stack.selectorLabels" (dict "root" . "component" "database") | nindent 10 }}
{{- else -}}
- ports:
    - port: {{ .Values.externalDatabase.port }}
      protocol: TCP
  {{- with .Values.networkPolicy.externalDatabaseTo }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}

{{/* A NetworkPolicy peer: the pods of one component of this release. */}}
{{- define "mcp-stack.peer" -}}
- podSelector:
    matchLabels:
      {{- include "mcp-stack.selectorLabels" . | nindent 6 }}
{{- end }}
{{- define "mcp-stack.dnsEgress" -}}
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end }}
