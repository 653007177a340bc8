"""deploy/k8s: manifests that parse and hang together (selectors, ports, probes, autoscaling, secrets)."""
from pathlib import Path

import pytest
import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")
WEB = (*SERVICES, "gateway")


def pod_spec(deployment: dict) -> dict:
    return deployment["spec"]["template"]["spec"]


def pod_labels(deployment: dict) -> dict:
    return deployment["spec"]["template"]["metadata"]["labels"]


def all_containers(deployment: dict) -> list[dict]:
    spec = pod_spec(deployment)
    return [*spec.get("initContainers", []), *spec["containers"]]


def selects(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def test_every_document_names_its_api_kind_and_name(k8s_files):
    for path, documents in k8s_files.items():
        assert documents, f"{path} has no document"
        for doc in documents:
            assert doc.get("apiVersion") and doc.get("kind"), path
            assert doc.get("metadata", {}).get("name"), path


def test_the_kustomization_applies_every_manifest_but_the_secret_example(k8s_files):
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    manifests = set(k8s_files) - {"kustomization.yaml", "secrets.example.yaml"}
    assert set(kustomization["resources"]) == manifests
    assert "secrets.example.yaml" not in kustomization["resources"]


def test_every_image_is_set_by_the_kustomization(k8s_by_kind):
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    named = {image["name"] for image in kustomization["images"]}
    used = {c["image"] for d in k8s_by_kind["Deployment"].values() for c in all_containers(d)}
    assert used == named == {"iamis-app", "iamis-nginx"}


@pytest.mark.parametrize("name", [*WEB, "nginx"])
def test_each_web_process_has_a_deployment_and_a_service_selecting_only_its_pods(k8s_by_kind, name):
    deployments, service = k8s_by_kind["Deployment"], k8s_by_kind["Service"][name]
    selector = service["spec"]["selector"]
    assert selects(deployments[name]["spec"]["selector"]["matchLabels"], pod_labels(deployments[name]))
    matched = [d for d, deployment in deployments.items() if selects(selector, pod_labels(deployment))]
    assert matched == [name]


@pytest.mark.parametrize("name", [*WEB, "nginx"])
def test_service_target_ports_are_ports_of_the_selected_containers(k8s_by_kind, name):
    service, deployment = k8s_by_kind["Service"][name], k8s_by_kind["Deployment"][name]
    ports = [p for c in pod_spec(deployment)["containers"] for p in c.get("ports", [])]
    for port in service["spec"]["ports"]:
        target = port["targetPort"]
        key = "name" if isinstance(target, str) else "containerPort"
        assert any(p.get(key) == target for p in ports), f"{name}: targetPort {target} is no container port"


@pytest.mark.parametrize("name", WEB)
def test_web_processes_listen_on_8000_and_are_probed_on_healthz(k8s_by_kind, name):
    container = pod_spec(k8s_by_kind["Deployment"][name])["containers"][0]
    assert {"name": "http", "containerPort": 8000} in container["ports"]
    assert {"name": "BIND", "value": "0.0.0.0:8000"} in container["env"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/healthz", "port": "http"}, f"{name} {probe}"


def test_every_http_probe_points_at_healthz(k8s_by_kind):
    for name, deployment in k8s_by_kind["Deployment"].items():
        for container in all_containers(deployment):
            for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
                if "httpGet" in container.get(probe, {}):
                    assert container[probe]["httpGet"]["path"] == "/healthz", f"{name} {probe}"


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_runs_the_agreed_commands_with_migrations_first(k8s_by_kind, name):
    web, worker = k8s_by_kind["Deployment"][name], k8s_by_kind["Deployment"][f"{name}-worker"]
    migrate = ["python", "-m", "iamis_shared.cli", name, "migrate"]
    assert pod_spec(web)["containers"][0]["command"] == [
        "gunicorn", f"{name}:create_app()", "-c", "python:iamis_shared.gunicorn_conf"]
    assert pod_spec(worker)["containers"][0]["command"] == ["python", "-m", "iamis_shared.cli", name, "worker"]
    for deployment in (web, worker):
        assert [c["command"] for c in pod_spec(deployment)["initContainers"]] == [migrate]


@pytest.mark.parametrize("name", SERVICES)
def test_web_worker_and_migrations_of_a_service_read_the_same_database_secret(k8s_by_kind, name):
    refs = set()
    for deployment in (k8s_by_kind["Deployment"][name], k8s_by_kind["Deployment"][f"{name}-worker"]):
        for container in all_containers(deployment):
            [database] = [e for e in container["env"] if e["name"] == "DATABASE_URL"]
            refs.add((database["valueFrom"]["secretKeyRef"]["name"], database["valueFrom"]["secretKeyRef"]["key"]))
    assert refs == {("iamis-database", name)}


def test_every_container_has_resource_requests_and_limits(k8s_by_kind):
    for name, deployment in k8s_by_kind["Deployment"].items():
        for container in all_containers(deployment):
            resources = container.get("resources", {})
            for kind in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(resources.get(kind, {})), f"{name}/{container['name']} {kind}"


def test_containers_run_as_non_root_on_a_read_only_filesystem(k8s_by_kind):
    for name, deployment in k8s_by_kind["Deployment"].items():
        assert pod_spec(deployment)["securityContext"]["runAsNonRoot"] is True, name
        for container in all_containers(deployment):
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True and context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"], name


def test_evidence_scales_on_its_own_by_cpu(k8s_by_kind):
    hpa = k8s_by_kind["HorizontalPodAutoscaler"]["evidence"]
    evidence = k8s_by_kind["Deployment"]["evidence"]
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "evidence"}
    [metric] = hpa["spec"]["metrics"]
    assert metric["type"] == "Resource" and metric["resource"]["name"] == "cpu"
    assert 1 < hpa["spec"]["minReplicas"] < hpa["spec"]["maxReplicas"]
    # The autoscaler owns the count, and a utilisation target needs a CPU request to measure against.
    assert "replicas" not in evidence["spec"]
    assert pod_spec(evidence)["containers"][0]["resources"]["requests"]["cpu"]
    assert set(k8s_by_kind["HorizontalPodAutoscaler"]) == {"evidence"}


def test_a_disruption_budget_keeps_evidence_serving(k8s_by_kind):
    budget = k8s_by_kind["PodDisruptionBudget"]["evidence"]
    assert budget["spec"]["minAvailable"] >= 1
    assert selects(budget["spec"]["selector"]["matchLabels"], pod_labels(k8s_by_kind["Deployment"]["evidence"]))
    assert not selects(budget["spec"]["selector"]["matchLabels"],
                       pod_labels(k8s_by_kind["Deployment"]["evidence-worker"]))


def test_the_ingress_sends_everything_to_nginx(k8s_by_kind):
    [ingress] = k8s_by_kind["Ingress"].values()
    backends = [p["backend"]["service"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]]
    assert backends == [{"name": "nginx", "port": {"name": "http"}}]


def test_every_secret_and_config_key_read_is_in_the_examples(k8s_by_kind, k8s_files):
    secrets = {d["metadata"]["name"]: set(d["stringData"]) for d in k8s_files["secrets.example.yaml"]}
    config = {name: set(d["data"]) for name, d in k8s_by_kind["ConfigMap"].items()}
    for name, deployment in k8s_by_kind["Deployment"].items():
        spec = pod_spec(deployment)
        for container in all_containers(deployment):
            for ref in container.get("envFrom", []):
                assert ref["configMapRef"]["name"] in config, name
            for env in container.get("env", []):
                source = env.get("valueFrom", {})
                if "secretKeyRef" in source:
                    assert source["secretKeyRef"]["key"] in secrets[source["secretKeyRef"]["name"]], name
                if "configMapKeyRef" in source:
                    assert source["configMapKeyRef"]["key"] in config[source["configMapKeyRef"]["name"]], name
        for volume in spec.get("volumes", []):
            for source in volume.get("projected", {}).get("sources", []):
                assert source["secret"]["name"] in secrets, f"{name}: {volume['name']}"


def test_only_the_gateway_mounts_the_signing_key(k8s_by_kind):
    holders = {name for name, d in k8s_by_kind["Deployment"].items()
               for v in pod_spec(d).get("volumes", []) for s in v.get("projected", {}).get("sources", [])
               if s["secret"]["name"] == "iamis-token-private"}
    assert holders == {"gateway"}


@pytest.mark.parametrize("name", SERVICES)
def test_workers_serve_metrics_where_they_are_scraped(k8s_by_kind, name):
    worker = k8s_by_kind["Deployment"][f"{name}-worker"]
    [container] = pod_spec(worker)["containers"]
    bind = {e["name"]: e.get("value") for e in container["env"]}["METRICS_BIND"]
    port = int(bind.rsplit(":", 1)[1])
    assert {"name": "metrics", "containerPort": port} in container["ports"]
    assert worker["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"] == str(port)
