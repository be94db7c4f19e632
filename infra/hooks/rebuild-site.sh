#!/bin/sh
# Asks the app for a full build of the static site: POST <app>/api/manage/site/rebuild.
# It never fails azd: the build can be started again later, so this only says what happened.
set -u

: "${SERVICE_API_URI:?is not set: run this through azd (azd provision or azd up)}"
url="${SERVICE_API_URI%/}/api/manage/site/rebuild"

# With staff sign-in configured, try a token for the app registration; without one the app answers 401 or 403.
token=""
if [ -n "${ENTRA_CLIENT_ID:-}" ]; then
  token=$(az account get-access-token --resource "api://$ENTRA_CLIENT_ID" --query accessToken --output tsv 2>/dev/null) || token=""
fi

echo "Requesting a full site build: POST $url"
# The header goes through stdin so the token never shows in the process list; no token, no header.
status=$(if [ -n "$token" ]; then printf 'Authorization: Bearer %s\n' "$token"; fi | curl --silent --show-error --output /dev/null \
  --write-out '%{http_code}' --max-time 120 --request POST --header 'Content-Length: 0' --header @- "$url") || true

case "$status" in
  2??) echo "Site build started (HTTP $status)." ;;
  404) echo "No rebuild endpoint answered (HTTP 404): the app is not deployed yet or does not have it yet. Skipped." ;;
  401 | 403) echo "The app refused the request (HTTP $status): start the build from the staff admin pages instead." ;;
  *) echo "The app did not answer usefully (HTTP ${status:-none}); it may still be starting. Skipped." ;;
esac
exit 0
