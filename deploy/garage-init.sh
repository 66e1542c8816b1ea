#!/bin/sh
# Initialises the 3-node Garage cluster of docker-compose.yml: connect, layout, key, bucket.
# The same steps scripts/test-services.sh takes for the single-node test server.
set -eu
g() { /garage -c /etc/garage.toml --rpc-host garage1 "$@"; }
retry() { i=0; until "$@"; do i=$((i+1)); [ "$i" -lt 60 ] || return 1; sleep 1; done; }
for host in garage2 garage3; do
  id=$(/garage -c /etc/garage.toml --rpc-host "$host" node id -q)
  retry g node connect "$id"
done
if g layout show | grep -q "No nodes currently have a role"; then
  zone=1
  for host in garage1 garage2 garage3; do
    id=$(/garage -c /etc/garage.toml --rpc-host "$host" node id -q | cut -d@ -f1)
    g layout assign -z "dc$zone" -c 10G "$id"
    zone=$((zone+1))
  done
  g layout apply --version 1
fi
g key info GK0123456789abcdef01234567 >/dev/null 2>&1 \
  || retry g key import --yes -n placard GK0123456789abcdef01234567 \
       0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
g bucket info placard >/dev/null 2>&1 || retry g bucket create placard
retry g bucket allow --read --write --owner placard --key GK0123456789abcdef01234567
