#!/bin/sh
# The README's recipe for several machines, run for real: GNU parallel
# --sshloginfile with two ssh logins (two host names for a private sshd on
# 127.0.0.1), one output folder per archive folder, merged with the
# README's awk line: the merged files equal a single run's over the whole
# archive.  Skips (77) without sshd, ssh or parallel, or when sshd cannot
# listen here.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need parallel; need ssh; need ssh-keygen
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || skip "sshd not installed (openssh-server; scripts/install-deps)"
cd "$t"
chmod 755 "$t"
user=$(id -un)

# A private sshd: its own host key, port, authorized key; only 127.0.0.1.
ssh-keygen -q -t ed25519 -N '' -f hostkey
ssh-keygen -q -t ed25519 -N '' -f userkey
cp userkey.pub authorized_keys; chmod 600 authorized_keys
port=$((20000 + $$ % 20000))
cat >sshd_config <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $t/hostkey
PidFile $t/sshd.pid
AuthorizedKeysFile $t/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PermitUserEnvironment no
EOF
mkdir -p /run/sshd 2>/dev/null || true
"$sshd" -f "$t/sshd_config" -E "$t/sshd.log" -D &
sshd_pid=$!
trap 'kill $sshd_pid 2>/dev/null; rm -rf "$t"' EXIT
# Two logins: two host names for the same sshd.
cat >ssh_config <<EOF
Host mm-one mm-two
	HostName 127.0.0.1
	Port $port
	User $user
	IdentityFile $t/userkey
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile $t/known_hosts
	BatchMode yes
	LogLevel ERROR
EOF
i=0
until ssh -F ssh_config mm-one true 2>/dev/null; do
	i=$((i + 1)); [ $i -lt 50 ] || skip "the private sshd does not answer ($(tail -n 3 sshd.log 2>/dev/null))"
	sleep 0.1
done
ssh -F ssh_config mm-two true || fail "second login"

# An archive of folders (the shared file system is this machine's).
mkdir -p archive
for y in 2021 2022 2023 2024; do
	mkdir "archive/$y"
	i=1; while [ $i -le 3 ]; do minutes_text "$y meeting $i" "$i" >"archive/$y/m$i.txt"; i=$((i + 1)); done
done
markdown_text >archive/2022/board.md
printf '1/mm-one\n1/mm-two\n' >hosts

# The README's recipe, word for word but for how ssh finds the logins
# (--ssh) and the programs (PATH passed on).
export LC_ALL=C
find archive -mindepth 1 -maxdepth 1 -type d |
	parallel --ssh "ssh -F $t/ssh_config" --env PATH --joblog jobs.log \
		--sshloginfile hosts --workdir . 'minutes-mine -q -o out/{/} {}' 2>err \
	|| fail "parallel: exit $? ($(cat err))"
for k in items resolutions questions declarations figures votes attendance; do
	awk 'FNR > 1 || NR == 1' out/*/$k.tsv > all-$k.tsv
done
# Both logins did work.
for h in mm-one mm-two; do
	awk -F'\t' -v h="$h" 'NR > 1 && $2 == h { f = 1 } END { exit !f }' jobs.log || fail "no job ran on $h: $(cat jobs.log)"
done
[ "$(awk -F'\t' 'NR > 1 && $7 != 0' jobs.log | wc -l)" -eq 0 ] || fail "a job failed: $(cat jobs.log)"

# The same as one run over the whole archive.
minutes-mine -q -o single archive 2>err || fail "single run: exit $? ($(cat err))"
for k in items resolutions questions declarations figures votes attendance; do
	cmp -s "all-$k.tsv" "single/$k.tsv" || { diff "all-$k.tsv" "single/$k.tsv" | head; fail "$k: the merged outputs differ from a single run's"; }
done
[ "$(sed 1d single/items.tsv | wc -l)" -gt 10 ] || fail "too few items to compare"
echo "two ssh logins, $(($(wc -l <jobs.log) - 1)) jobs: merged outputs = single run"
