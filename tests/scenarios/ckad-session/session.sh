# A CKAD-style practice session, typed into kubesim one command at a time.
# Pods: run, get in several formats, describe, logs, exec
kubectl run web --image=nginx:1.25 --port=80 --labels=app=web,tier=frontend
kubectl run web --image=nginx:1.25
sleep 10
kubectl get pods -o wide
kubectl get pod web --show-labels
kubectl get pods -l tier=frontend -o name
kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\n"}'
kubectl get pod web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,PHASE:.status.phase
kubectl get pod web -o json | grep '"restartPolicy"'
kubectl get pod web -o yaml | grep -E '^  (name|namespace|labels):'
kubectl exec web -- cat /etc/hostname
kubectl exec web -- sh -c 'echo $HOSTNAME'
kubectl logs web | head -1
kubectl label pod web env=dev
kubectl label pod web env=prod
kubectl label pod web env=prod --overwrite
kubectl annotate pod web owner=team-a
kubectl get pod web -o jsonpath='{.metadata.labels.env} {.metadata.annotations.owner}{"\n"}'
kubectl describe pod web | grep -E '^(Name|Namespace|Node|Status|Labels):'
# Crash and the previous container's logs
kubectl run crash --image=busybox:1.36 -- sh -c 'echo run at least once; exit 3'
sleep 30
kubectl get pod crash
kubectl logs crash -p
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
kubectl delete pod crash --grace-period=0 --force
# Deployments: create, scale, set image, rollout, undo
kubectl create deployment api --image=nginx:1.24 --replicas=2 --port=80
sleep 15
kubectl get deploy api
kubectl scale deployment api --replicas=3
sleep 10
kubectl get deploy api
kubectl set image deployment/api nginx=nginx:1.25
kubectl rollout status deployment/api
kubectl rollout history deployment/api
kubectl rollout undo deployment/api
kubectl rollout status deployment/api
kubectl get deploy api -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
# Services: expose, endpoints, port-forward and curl
kubectl expose deployment api --port=8080 --target-port=80 --name=api-svc
kubectl get svc api-svc -o jsonpath='{.spec.type} {.spec.ports[0].port}->{.spec.ports[0].targetPort}{"\n"}'
kubectl get endpoints api-svc -o jsonpath='{range .subsets[*].addresses[*]}{.targetRef.kind}{"\n"}{end}' | wc -l
kubectl port-forward svc/api-svc 9090:8080 &
curl -s localhost:9090 | grep -o '<title>.*</title>'
# ConfigMaps, Secrets, Jobs, CronJobs
kubectl create configmap app --from-literal=color=blue --from-literal=size=L
kubectl create secret generic creds --from-literal=user=admin
kubectl get secret creds -o jsonpath='{.data.user}{"\n"}'
kubectl create job once --image=busybox:1.36 -- sh -c 'echo job done'
kubectl wait --for=condition=complete job/once --timeout=60s
kubectl logs job/once
kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- date
kubectl get cronjob tick
# apply, dry-run and an invalid manifest
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo color=$color; sleep 3600"]
    envFrom:
    - configMapRef:
        name: app
EOF
kubectl wait --for=condition=Ready pod/cfg --timeout=60s
kubectl logs cfg
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: c
    image: busybox:1.36
    ports:
    - containerPort: 70000
EOF
echo $?
# Errors
kubectl get pod nosuch
kubectl create deployment api --image=nginx
kubectl get pods --colour
kubectl create deployment nameless
kubectl explain pod.spec.restartPolicy
# Clean-up
kubectl delete deployment api
kubectl delete svc api-svc
kubectl delete pod web cfg --now
kubectl get pods
