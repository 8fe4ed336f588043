#!/usr/bin/env bash
# Starts a single-node Slurm cluster (munge, slurmctld, slurmd from Debian's packages) on this
# machine, for the scale-out integration tests (test/integration/slurm.test.ts) and for trying
# `reprobench slurm` by hand. Runs as root; idempotent: a second call leaves a working cluster
# alone, and restarts only what is down. No systemd is needed (CI containers have none).
#
#   scripts/ci/start-slurm.sh          # install if missing, configure, start, wait until idle
#   SLURM_CPUS=2 scripts/ci/start-slurm.sh
#
# The node gets the machine's CPUs (or $SLURM_CPUS). SlurmUser=root, ProctrackType=proctrack/linuxproc
# and TaskPlugin=task/none make it work inside containers without cgroups or a slurm user.
set -euo pipefail

log() { echo "start-slurm: $*"; }

if [ "$(id -u)" != 0 ]; then
  echo "start-slurm: must run as root (it installs packages and starts daemons)" >&2
  exit 1
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  log "installing munge and Slurm from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends munge slurmctld slurmd slurm-client
fi

HOST="$(hostname -s)"
CPUS="${SLURM_CPUS:-$(nproc)}"
# Leave the node some memory headroom; slurmd refuses to register with more than it finds.
MEM_MB="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
CONF=/etc/slurm/slurm.conf
STATE=/var/spool/slurmctld
SPOOL=/var/spool/slurmd
LOGDIR=/var/log/slurm
mkdir -p /etc/slurm "$STATE" "$SPOOL" "$LOGDIR" /run/munge /var/lib/munge /var/log/munge

# --- munge ---------------------------------------------------------------------------------
if [ ! -s /etc/munge/munge.key ]; then
  log "creating a munge key"
  if command -v mungekey >/dev/null; then mungekey --create --force; else dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; fi
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
chmod 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  log "starting munged"
  # --force: start even if an earlier munged left its socket behind.
  runuser -u munge -- /usr/sbin/munged --force
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null
fi

# --- slurm.conf ----------------------------------------------------------------------------
WANT="$(cat <<EOF
# Written by reprobench scripts/ci/start-slurm.sh: one node, this machine.
ClusterName=reprobench
# The address is given so nothing depends on the host name resolving (a fresh CI container may lack it in /etc/hosts).
SlurmctldHost=${HOST}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=${STATE}
SlurmdSpoolDir=${SPOOL}
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=${LOGDIR}/slurmctld.log
SlurmdLogFile=${LOGDIR}/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
# Keep finished jobs visible to scontrol for 10 minutes: reprobench reads their exit state.
MinJobAge=600
MaxArraySize=10001
KillWait=10
InactiveLimit=0
SlurmctldTimeout=60
SlurmdTimeout=60
NodeName=${HOST} NodeAddr=127.0.0.1 CPUs=${CPUS} RealMemory=${MEM_MB} State=UNKNOWN
PartitionName=debug Nodes=${HOST} Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
)"
changed=0
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$WANT" ]; then
  log "writing $CONF (node ${HOST}, ${CPUS} CPUs, ${MEM_MB} MB)"
  printf '%s\n' "$WANT" > "$CONF"
  changed=1
fi
# Debian's slurmd looks for a cgroup.conf only with cgroup plugins; none is used here.

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "$changed" = 1 ]; then
  for pidfile in /run/slurmd.pid /run/slurmctld.pid; do
    if alive "$pidfile"; then
      log "stopping $(basename "$pidfile" .pid) to apply the new configuration"
      kill "$(cat "$pidfile")"
      for _ in $(seq 1 50); do alive "$pidfile" || break; sleep 0.2; done
    fi
  done
fi

if ! alive /run/slurmctld.pid; then
  log "starting slurmctld"
  /usr/sbin/slurmctld
fi
if ! alive /run/slurmd.pid; then
  log "starting slurmd"
  /usr/sbin/slurmd
fi

# --- wait until the node takes jobs --------------------------------------------------------
for i in $(seq 1 120); do
  state="$(sinfo -h -n "$HOST" -o '%t' 2>/dev/null || true)"
  case "$state" in
    idle*|mix*|alloc*) break ;;
    down*|drain*|drng*|fail*)
      # A node left down by an earlier, unclean stop: bring it back.
      scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true ;;
  esac
  if [ "$i" = 120 ]; then
    echo "start-slurm: node ${HOST} did not become idle (state: '${state}'); see ${LOGDIR}/slurmctld.log and ${LOGDIR}/slurmd.log" >&2
    exit 1
  fi
  sleep 0.5
done
log "Slurm is up: $(sinfo -h -o '%P %a %D nodes %C cpus(A/I/O/T) %t')"
