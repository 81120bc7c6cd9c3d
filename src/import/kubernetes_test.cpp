#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("kubernetes: a Deployment is a service; containers' limits are summed; sidecars are inter_container",
          "[import]") {
  const auto result = import_text(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: app
          image: api:1
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {cpu: "1", memory: 1Gi, nvidia.com/gpu: 1}
        - name: proxy
          image: envoy
          resources:
            limits: {cpu: 500m, memory: 128Mi}
      volumes:
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata: {name: api}
)",
                                  "k8s.yaml");
  CHECK(result.format == SpecFormat::kubernetes);
  REQUIRE(result.workloads.size() == 1);
  const auto& api = result.workloads[0];
  CHECK(api.profile.file == "k8s.yaml#api");
  CHECK(text_of(api, "kind") == "service");
  CHECK(is_unknown(api, "runs_on"));
  CHECK(number_of(api, "resources.cpu") == 1.5);
  CHECK(number_of(api, "resources.memory") == 1152 * k_mib);
  CHECK(provenance(api, "resources.memory").original_key == "spec.template.spec.containers[0].resources.limits.memory");
  CHECK(number_of(api, "resources.gpu") == 1);
  CHECK(api.profile.flag("state.inter_container"));
  CHECK(text_of(api, "state.local_storage") == "scratch");
  CHECK(result.not_workloads == std::vector<std::string>{"Service"});
}

TEST_CASE("kubernetes: a CronJob is a job with a schedule, its runs per month and its deadline", "[import]") {
  const auto result = import_text(R"(apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      activeDeadlineSeconds: 300
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: r, image: report, resources: {requests: {memory: 128Mi}}}]
)");
  const auto& job = workload(result, "report");
  CHECK(text_of(job, "kind") == "job");
  CHECK(triggers_of(job) == "schedule");
  CHECK(number_of(job, "traffic.runs_per_month") == 8760);
  CHECK(number_of(job, "execution.duration.max") == 300);
  CHECK(number_of(job, "resources.memory") == 128 * k_mib);
  CHECK(provenance(job, "resources.memory").note.find("requests") != std::string::npos);
}

TEST_CASE("kubernetes: kind List items, StatefulSet claims, privileged and host settings, Windows nodes", "[import]") {
  const auto result = import_text(R"(apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      volumeClaimTemplates: [{metadata: {name: data}}]
      template: {spec: {containers: [{name: db, image: pg}]}}
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      template:
        spec:
          hostNetwork: true
          containers: [{name: a, image: agent, securityContext: {privileged: true}}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: win}
    spec:
      nodeSelector: {kubernetes.io/os: windows}
      restartPolicy: Never
      containers: [{name: w, image: iis}]
)");
  REQUIRE(result.workloads.size() == 3);
  const auto& db = workload(result, "db");
  CHECK(text_of(db, "state.local_storage") == "persistent");
  CHECK(provenance(db, "state.local_storage").original_key == "items[0].spec.volumeClaimTemplates");
  const auto& agent = workload(result, "agent");
  CHECK(agent.profile.flag("operations.os_control"));
  CHECK(has_warning(agent, "DaemonSet"));
  const auto& win = workload(result, "win");
  CHECK(text_of(win, "runtime.os") == "windows");
  CHECK(text_of(win, "kind") == "job");
}

TEST_CASE("kubernetes: a manifest without workloads imports nothing and says what it holds", "[import]") {
  const auto result = import_text(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\n"
      "kind: Service\nmetadata: {name: s}\n");
  CHECK(result.workloads.empty());
  CHECK(result.errors.empty());
  CHECK(result.not_workloads == std::vector<std::string>{"ConfigMap", "Service"});
}
