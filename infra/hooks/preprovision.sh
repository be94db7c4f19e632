#!/bin/sh
# Makes the link-signing key once per azd environment, before the first provision stores it in Key Vault. The app
# refuses a key under 32 bytes (docs/security.md) and azd's generated passwords have 15 characters, so azd cannot make
# it. Kept in the environment, the same key goes to Key Vault on every provision and links stay valid.
set -eu

if [ -n "$(azd env get-value TOKEN_SIGNING_KEY 2>/dev/null || true)" ]; then
  echo "Token signing key: kept."
  exit 0
fi

# 48 random bytes, base64: 64 characters. No key is ever printed.
key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
azd env set TOKEN_SIGNING_KEY "$key" >/dev/null
echo "Token signing key: made a new one (48 random bytes) for this environment."
