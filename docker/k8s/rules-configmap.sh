#!/usr/bin/env bash
# Writes the ConfigMap holding the rules folder (DRL and scenarios), for kubectl apply.
#   docker/k8s/rules-configmap.sh [rules-dir] > docker/k8s/rules-configmap.yaml
# ConfigMap keys cannot contain '/', so v1/common/conduct.drl is stored as v1__common__conduct.drl;
# deployment.yaml maps every key back to its path. A new rule file needs a new item there
# (the build checks that every file under rules/ has one).
set -euo pipefail
dir=${1:-rules}
echo "apiVersion: v1"
echo "kind: ConfigMap"
echo "metadata:"
echo "  name: underwriting-rules"
echo "data:"
(cd "$dir" && find . -type f \( -name '*.drl' -o -name '*.json' \) | sed 's#^\./##' | sort) | while read -r file; do
  echo "  ${file//\//__}: |"
  sed 's/^/    /' "$dir/$file"
done
