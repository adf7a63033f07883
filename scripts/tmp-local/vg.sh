#!/bin/bash
# usage: vg.sh DIR NAME PORT PATH COOKIEKEY WARM COUNT
DIR=$1; NAME=$2; PORT=$3; P=$4; KEY=$5; WARM=${6:-150}; COUNT=${7:-20}
export U=postgresql://postgres@127.0.0.1:5432 AUTH_SECRET=local-explore-secret-0123456789abcdef0123456789
cd /work/main && DATABASE_URL=$U/vcp_bench?sslmode=disable npx tsx scripts/tmp-local/cookies.ts > /tmp/prof/cookies.$NAME.json
C=$(node -e "console.log(require('/tmp/prof/cookies.$NAME.json').$KEY)")
if [ "$P" = STAGE ]; then P=$(node -e "console.log(require('/tmp/prof/cookies.$NAME.json').stage)"); fi
if [ "$P" = PERSON ]; then P=/people/$(node -e "console.log(require('/tmp/prof/cookies.$NAME.json').person)"); fi
cd $DIR
DATABASE_URL=$U/vcp_bench?sslmode=disable AUTH_TRUST_HOST=true JOB_RUNNER=off SERVER_PROCESSES=1 NEXT_TELEMETRY_DISABLED=1 \
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/prof/cg.$NAME.out node --max-semi-space-size=32 --import tsx scripts/serve.ts -p $PORT > /tmp/prof/vg.$NAME.log 2>&1 &
VPID=$!
for i in $(seq 1 600); do curl -s -o /dev/null http://127.0.0.1:$PORT/sign-in && break; sleep 1; done
for i in $(seq 1 $WARM); do curl -s -o /dev/null ${C:+-H "cookie: $C"} "http://127.0.0.1:$PORT$P"; done
code=$(curl -s -o /dev/null -w "%{http_code}" -H "cookie: $C" "http://127.0.0.1:$PORT$P")
callgrind_control -i on $VPID > /dev/null
for i in $(seq 1 $COUNT); do curl -s -o /dev/null ${C:+-H "cookie: $C"} "http://127.0.0.1:$PORT$P"; done
callgrind_control -i off $VPID > /dev/null
callgrind_control -d $VPID > /dev/null
sleep 2
kill $VPID; wait $VPID 2>/dev/null
total=$(grep -h "^totals:" /tmp/prof/cg.$NAME.out* | awk '{s+=$2} END {print s}')
echo "$NAME status=$code total_Ir=$total per_request=$(python3 -c "print(round($total/$COUNT/1e6,1))")M"
