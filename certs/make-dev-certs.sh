#!/bin/sh
# Makes the development CA and localhost certificate that bayeux-edge makes by
# itself when FAYE_ENVIRONMENT=development finds no certificate, for people who
# want the files without starting the server. Same files, same rules:
#
#   FAYE_SSL_DIR          folder for everything (default ./certs)
#   FAYE_SSL_CERT_FILE    leaf then CA, one file (default server.crt)
#   FAYE_SSL_KEY_FILE     the leaf's key (default server.key)
#   FAYE_SERVER_HOSTNAME  an extra name for the leaf (optional)
#
# Absolute file names are used as they are. An existing certificate is left
# alone (delete it to get a new one); an existing dev-ca.pem + dev-ca.key pair
# is reused, so clients that trust it keep working.
set -eu

dir=${FAYE_SSL_DIR:-./certs}
cert=${FAYE_SSL_CERT_FILE:-server.crt}
key=${FAYE_SSL_KEY_FILE:-server.key}
host=${FAYE_SERVER_HOSTNAME:-}
case $cert in /*) ;; *) cert=$dir/$cert ;; esac
case $key in /*) ;; *) key=$dir/$key ;; esac
ca_cert=$dir/dev-ca.pem
ca_key=$dir/dev-ca.key

if [ -e "$cert" ]; then
    echo "$cert exists; nothing to do (delete it to make a new one)"
    exit 0
fi

names="DNS:localhost,IP:127.0.0.1,IP:::1"
case $host in
    "" | localhost | 127.0.0.1 | ::1) ;;
    *[!A-Za-z0-9.:-]*) echo "FAYE_SERVER_HOSTNAME: cannot name \"$host\" in a certificate" >&2; exit 1 ;;
    *:*) names="$names,IP:$host" ;;
    *[!0-9.]*) names="$names,DNS:$host" ;;
    *) names="$names,IP:$host" ;;
esac

serial() { echo "0x$(openssl rand -hex 16)"; }

umask 077
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -e "$ca_cert" ] && [ -e "$ca_key" ]; then
    echo "reusing the development CA $ca_cert"
else
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ca.key"
    openssl req -x509 -new -key "$work/ca.key" -sha256 -days 3650 -set_serial "$(serial)" \
        -subj "/O=bayeux-edge development/CN=bayeux-edge development CA" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" \
        -addext "authorityKeyIdentifier=keyid:always" \
        -out "$work/ca.pem"
    chmod 644 "$work/ca.pem"
    mv "$work/ca.key" "$ca_key"
    mv "$work/ca.pem" "$ca_cert"
fi

cat > "$work/leaf.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=$names
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
EXT
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/leaf.key"
openssl req -new -key "$work/leaf.key" -subj "/O=bayeux-edge development/CN=localhost" -out "$work/leaf.csr"
openssl x509 -req -in "$work/leaf.csr" -CA "$ca_cert" -CAkey "$ca_key" -set_serial "$(serial)" \
    -sha256 -days 397 -extfile "$work/leaf.ext" -out "$work/leaf.pem" 2>/dev/null
cat "$work/leaf.pem" "$ca_cert" > "$work/combined.pem"
chmod 644 "$work/combined.pem"
mv "$work/leaf.key" "$key"
mv "$work/combined.pem" "$cert"

echo "development CA: $(cd "$(dirname "$ca_cert")" && pwd)/$(basename "$ca_cert") (trust it: curl --cacert ...)"
