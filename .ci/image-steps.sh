#!/bin/sh
# The container image's build steps. The Dockerfile RUNs them and .ci/run runs them directly
# (no Docker engine there), then tests the result: the image cannot drift from what CI tests.
#
#   .ci/image-steps.sh build SRC OUT   production install of the checkout SRC, laid out in OUT:
#                                      what the npm package ships, plus its production node_modules
#   .ci/image-steps.sh runtime APP     the writable folders of APP, owned by the user that runs it
set -eu

step=${1:-}
case "$step" in
  build)
    src=$2
    out=$3
    cd "$src"
    # prepare builds dist/ (typescript is a dependency for this): the supported production install.
    npm ci --omit=dev --no-audit --no-fund
    mkdir -p "$out"
    # The package's own file list (package.json "files"), so the image holds what npm would publish.
    tarball=$(npm pack --ignore-scripts --silent --pack-destination "$out")
    tar -xzf "$out/$tarball" -C "$out" --strip-components=1
    rm "$out/$tarball"
    cp package-lock.json "$out/"
    cp -R node_modules "$out/node_modules"
    ;;
  runtime)
    app=$2
    user=${FAQBOT_IMAGE_USER:-node}
    mkdir -p "$app/data"
    # The bot writes only data/ (insights); knowledge/ is read, and watched for edits.
    chown -R "$user" "$app/data"
    ;;
  *)
    echo "usage: $0 build SRC OUT | runtime APP" >&2
    exit 2
    ;;
esac
