#!/bin/sh
# azd postprovision hook. Bicep cannot switch on a storage account's static website (it is a data-plane setting), so
# this does it with the signed-in user's Entra token (shared keys are disabled), then asks the app to build the site.
# azd sets AZURE_STORAGE_ACCOUNT_NAME and SERVICE_API_URI from the Bicep outputs.
set -eu

: "${AZURE_STORAGE_ACCOUNT_NAME:?is not set: run this through azd (azd provision or azd up)}"

# A role assigned a moment ago can take a few minutes to reach the storage data plane.
attempts="${HOOK_ATTEMPTS:-10}"
delay="${HOOK_RETRY_DELAY_SECONDS:-15}"

echo "Enabling the static website on storage account $AZURE_STORAGE_ACCOUNT_NAME (index.html, 404.html)"
n=1
until az storage blob service-properties update \
  --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --auth-mode login \
  --static-website \
  --index-document index.html \
  --404-document 404.html \
  --output none; do
  if [ "$n" -ge "$attempts" ]; then
    echo "Could not enable the static website after $attempts attempts; see docs/deploy.md (roles)." >&2
    exit 1
  fi
  echo "Not yet (role assignments may still be propagating); retrying in ${delay}s ($n/$attempts)"
  n=$((n + 1))
  sleep "$delay"
done
echo "Static website enabled."

"$(dirname "$0")/rebuild-site.sh"
