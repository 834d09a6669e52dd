# One container: bayeux-edge terminates TLS and serves Bayeux itself.
#   docker build -t bayeux-edge .
#   docker run -p 443:8443 -p 80:8080 -v $PWD/certs:/certs -v $PWD/tokens:/tokens bayeux-edge
ARG SWIFT_IMAGE=swift:6.3-bookworm

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        libssl-dev libnghttp2-dev libhiredis-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product bayeux-edge \
    && install -D .build/release/bayeux-edge /out/bayeux-edge

FROM debian:bookworm-slim
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        libssl3 libnghttp2-14 libhiredis0.14 zlib1g ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /certs /tokens && chown nobody:nogroup /certs /tokens
COPY --from=build /out/bayeux-edge /usr/local/bin/bayeux-edge
# The seed stack's variable names; certificates and tokens are mounted, never baked in.
ENV FAYE_SSL_DIR=/certs \
    FAYE_TOKENS_DIR=/tokens \
    FAYE_HTTPS_PORT=8443 \
    FAYE_HTTP_PORT=8080
USER nobody
EXPOSE 8443 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/bayeux-edge"]
