# Shared by the bench scripts: `. "$root/bench/lib/common.sh"` after setting $root (the repository).

# apparel_dataset [FALLBACK]: prints the shared apparel folder — $MULTILABEL_DATASETS/apparel, else
# ../shared/datasets/apparel beside the repository, else /work/shared/datasets/apparel — or FALLBACK, or nothing.
apparel_dataset() {
  local candidate
  for candidate in "${MULTILABEL_DATASETS:-}/apparel" "$root/../shared/datasets/apparel" /work/shared/datasets/apparel ${1:+"$1"}; do
    if [ -d "$candidate" ]; then echo "$candidate"; return; fi
  done
}

# build_serve_tools: builds the CLI and the ServeLoad client (Release) and sets $CLI and $CLIENT to them.
build_serve_tools() {
  echo "building (Release)..." >&2
  dotnet build -c Release "$root/src/MultiLabel.Cli" -nologo -v quiet >&2
  dotnet build -c Release "$root/bench/ServeLoad" -nologo -v quiet >&2
  CLI="$root/src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel"
  CLIENT="$root/bench/ServeLoad/bin/Release/net10.0/linux-x64/ServeLoad"
}

# start_server MODEL LOG [SERVE OPTIONS...]: runs `multilabel serve` on a free loopback port in the background, sets
# $server (its pid) and $url, stops it with SIGTERM on exit (a background job of a script ignores SIGINT), and waits
# until /healthz answers 200; exits with the server's log if it dies or never becomes ready.
start_server() {
  local model=$1 log=$2 port
  shift 2
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  "$CLI" serve --model "$model" --urls "$url" "$@" >"$log" 2>&1 &
  server=$!
  trap 'kill -TERM $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready; see $log" >&2
  exit 1
}
