#!/usr/bin/env bash
# Run N replicas of rnnviz on loopback behind nginx with sticky sessions, until Ctrl-C:
#   bash deploy/run_replicas.sh [REPLICAS=2] [PORT=8080]
# nginx listens on PORT (RNNVIZ_LISTEN overrides, e.g. 127.0.0.1:8080); replica i listens on
# 127.0.0.1:PORT+i. The config is generated from deploy/nginx.conf.template into a run
# directory (RNNVIZ_RUN_DIR, a new temporary one by default) that also holds the logs, the
# pid files (replica-<i>.pid) and nginx's temp files; nothing outside it is written, and nginx
# runs as `nginx -p RUN_DIR -c RUN_DIR/nginx.conf`, never as the system's service.
# Needs Debian's nginx: apt-get install nginx-light.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas=${1:-2}
port=${2:-8080}
listen=${RNNVIZ_LISTEN:-$port}
run_dir=${RNNVIZ_RUN_DIR:-$(mktemp -d -t rnnviz-replicas.XXXXXX)}
if [ -n "${PYTHON:-}" ]; then python=$PYTHON
elif [ -x .venv/bin/python ]; then python=.venv/bin/python
else python=python3; fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  echo "nginx is not installed: apt-get install nginx-light" >&2
  exit 1
fi

say() { printf '==> %s\n' "$*"; }
healthy() {
  "$python" -c 'import sys, urllib.request as u; u.urlopen(sys.argv[1], timeout=2)' "$1" 2>/dev/null
}

mkdir -p "$run_dir"
# nginx's workers drop root for `nobody`, which must reach the temp directories inside.
chmod 711 "$run_dir"

pids=()
stop_all() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # A replica busy with a request can take a while to stop; 10 s, then it is killed.
  for _ in $(seq 1 50); do
    [ -z "$(jobs -pr)" ] && break
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Every replica signs cookies (Streamlit's XSRF token) with the same secret, so a browser
# moved to another replica when its own stopped can still upload.
secret=$("$python" -c 'import secrets; print(secrets.token_hex(32))')
servers=""
for i in $(seq 1 "$replicas"); do
  replica_port=$((port + i))
  STREAMLIT_SERVER_COOKIE_SECRET=$secret PYTHONUNBUFFERED=1 "$python" -m streamlit run app.py \
    --server.port "$replica_port" --server.address 127.0.0.1 --server.headless true \
    >"$run_dir/replica-$i.log" 2>&1 &
  pids+=($!)
  echo $! >"$run_dir/replica-$i.pid"
  servers+="        server 127.0.0.1:$replica_port max_fails=0;"$'\n'
done

"$python" -c '
import sys
run_dir, listen, servers = sys.argv[1:]
template = open("deploy/nginx.conf.template").read()
sys.stdout.write(template.replace("@RUN_DIR@", run_dir).replace("@LISTEN@", listen)
                 .replace("@SERVERS@\n", servers))' \
  "$run_dir" "$listen" "$servers" >"$run_dir/nginx.conf"
"$nginx" -t -q -p "$run_dir" -e "$run_dir/error.log" -c "$run_dir/nginx.conf"

for i in $(seq 1 "$replicas"); do
  url="http://127.0.0.1:$((port + i))/_stcore/health"
  for _ in $(seq 1 240); do
    healthy "$url" && break
    kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { cat "$run_dir/replica-$i.log" >&2; exit 1; }
    sleep 0.5
  done
  healthy "$url" || { echo "replica $i did not start" >&2; exit 1; }
done

"$nginx" -p "$run_dir" -e "$run_dir/error.log" -c "$run_dir/nginx.conf" -g "daemon off;" &
pids+=($!)
say "rnnviz on $listen through nginx; replicas on 127.0.0.1:$((port + 1))-$((port + replicas))"
say "config, logs and pid files in $run_dir"
# Until nginx stops, or Ctrl-C; then every replica stops with it.
wait "${pids[-1]}"
