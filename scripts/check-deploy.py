#!/usr/bin/env python3
"""Checks what can be checked of deploy/ without Docker or Kubernetes: the compose file and
every manifest parse as YAML, and have the shape Placard needs (roles, probes, services)."""
import os
import subprocess
import sys

try:
    import yaml
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


compose = yaml.safe_load(open(os.path.join(ROOT, "docker-compose.yml")))
services = compose["services"]
for name in ["postgres", "garage1", "garage2", "garage3", "garage-init", "migrate", "api1", "api2",
             "worker1", "worker2", "scheduler"]:
    check(name in services, f"compose: no service {name}")
roles = {n: " ".join(s.get("command", [])) for n, s in services.items()}
check("--roles api" in roles.get("api1", ""), "compose: api1 does not run the api role")
check("--roles worker" in roles.get("worker1", ""), "compose: worker1 does not run the worker role")
check("--roles scheduler" in roles.get("scheduler", ""), "compose: scheduler does not run the scheduler role")
check("readyz" in " ".join(services["api1"]["healthcheck"]["test"]), "compose: api health check is not /readyz")

docs = [d for d in yaml.safe_load_all(open(os.path.join(ROOT, "k8s", "placard.yaml"))) if d]
kinds = {}
for d in docs:
    kinds.setdefault(d["kind"], []).append(d)
for kind in ["Secret", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Job"]:
    check(kind in kinds, f"k8s: no {kind}")
for dep in kinds.get("Deployment", []):
    c = dep["spec"]["template"]["spec"]["containers"][0]
    check(c["readinessProbe"]["httpGet"]["path"] == "/readyz", f"k8s: {dep['metadata']['name']} not ready on /readyz")
    check(c["args"][:2] == ["serve", "--roles"], f"k8s: {dep['metadata']['name']} does not run serve --roles")
check(any(h["spec"]["scaleTargetRef"]["name"] == "placard-worker" for h in kinds.get("HorizontalPodAutoscaler", [])),
      "k8s: no autoscaler for workers")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"deploy/: compose ({len(services)} services) and {len(docs)} Kubernetes objects parse and have the expected shape")
