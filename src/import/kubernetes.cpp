// Kubernetes manifests: every document (and every item of a `kind: List`) that runs pods is a workload.
// Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and long-running Pods are services;
// Jobs are jobs; CronJobs are jobs with a schedule. Other kinds (Service, ConfigMap...) are listed, not imported.
#include <algorithm>
#include <array>
#include <cmath>

#include "caas/util/text.hpp"
#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

constexpr std::array<std::string_view, 7> k_service_kinds = {
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "DeploymentConfig", "Pod"};

struct Resource {
  const SpecNode* node;
  std::string path;  // key path prefix: "" for a document, "items[2]" in a List
};

void collect(const SpecNode& node, const std::string& path, std::vector<Resource>& out) {
  if (!node.is_map()) return;
  if (node.text_at("kind") == "List") {
    if (const auto* items = node.get("items"); items && items->is_sequence())
      for (std::size_t i = 0; i < items->items.size(); ++i)
        collect(items->items[i], join_path(path, "items[" + std::to_string(i) + "]"), out);
    return;
  }
  out.push_back({&node, path});
}

// Sums a resource over the containers, limits first (what the pod may use), else requests. nullopt when no
// container gives it.
struct Summed {
  double total = 0;
  int given = 0;
  const SpecEntry* first = nullptr;
  std::string first_path;
  std::string source;  // "limits" or "requests"
};
template <class Read>
Summed sum_resource(const SpecNode& containers, const std::string& path, std::string_view name, Read read) {
  Summed out;
  for (std::size_t i = 0; i < containers.items.size(); ++i) {
    const auto& c = containers.items[i];
    const auto* resources = c.is_map() ? c.get("resources") : nullptr;
    if (!resources || !resources->is_map()) continue;
    for (const auto* section : {"limits", "requests"}) {
      const auto* values = resources->get(section);
      const auto* e = values && values->is_map() ? values->entry(name) : nullptr;
      const auto value = e && e->second.is_scalar() ? read(e->second.text) : std::nullopt;
      if (!value) continue;
      out.total += *value;
      ++out.given;
      if (!out.first) {
        out.first = e;
        out.first_path = path + "[" + std::to_string(i) + "].resources." + section + "." + std::string(name);
        out.source = section;
      }
      break;
    }
  }
  return out;
}

std::string summed_note(const Summed& s, std::size_t containers, std::string_view what) {
  std::string note = "the pod's " + std::string(what) + " " + s.source;
  if (containers > 1)
    note += ", summed over " + std::to_string(s.given) + " of " + std::to_string(containers) + " containers";
  return note;
}

void map_pod(const SpecNode& pod, const std::string& path, WorkloadBuilder& builder) {
  const auto* containers_entry = pod.entry("containers");
  if (containers_entry && containers_entry->second.is_sequence()) {
    const auto& containers = containers_entry->second;
    const auto cpath = path + ".containers";
    if (containers.items.size() > 1) {
      std::string names;
      for (const auto& c : containers.items) names += (names.empty() ? "" : ", ") + c.text_at("name");
      builder.set_flag("state.inter_container", {&containers_entry->first, cpath},
                       std::to_string(containers.items.size()) + " containers in one pod: " + names);
    }
    if (!containers.items.empty())
      builder.set_text("package.type", "image", {&containers_entry->first, cpath}, "containers");
    const auto n = containers.items.size();
    if (auto s = sum_resource(containers, cpath, "memory", kubernetes_bytes); s.given > 0 && s.total > 0)
      builder.set("resources.memory", util::Value::of_quantity(util::Kind::size, s.total),
                  {&s.first->first, s.first_path}, summed_note(s, n, "memory"));
    if (auto s = sum_resource(containers, cpath, "cpu", kubernetes_cpu); s.given > 0 && s.total > 0)
      builder.set("resources.cpu", util::Value::of_number(s.total), {&s.first->first, s.first_path},
                  summed_note(s, n, "cpu"));
    if (auto s = sum_resource(containers, cpath, "ephemeral-storage", kubernetes_bytes); s.given > 0 && s.total > 0)
      builder.set("resources.ephemeral_storage", util::Value::of_quantity(util::Kind::size, s.total),
                  {&s.first->first, s.first_path}, summed_note(s, n, "ephemeral-storage"));
    for (const auto* gpu : {"nvidia.com/gpu", "amd.com/gpu"})
      if (auto s = sum_resource(containers, cpath, gpu, plain_seconds); s.given > 0 && s.total > 0)
        builder.set("resources.gpu", util::Value::of_number(s.total), {&s.first->first, s.first_path},
                    summed_note(s, n, gpu));
    for (std::size_t i = 0; i < n; ++i) {
      const auto& c = containers.items[i];
      const auto* security = c.is_map() ? c.get("securityContext") : nullptr;
      if (!security || !security->is_map()) continue;
      const auto spath = cpath + "[" + std::to_string(i) + "].securityContext";
      if (const auto* p = security->entry("privileged"); p && p->second.text == "true")
        builder.set_flag("operations.os_control", {&p->first, spath + ".privileged"}, "a privileged container");
      if (const auto* caps = security->get("capabilities"); caps && caps->is_map())
        if (const auto* add = caps->entry("add"); add && add->second.is_sequence())
          for (const auto& cap : add->second.items)
            if (cap.text == "SYS_ADMIN" || cap.text == "ALL" || cap.text == "SYS_MODULE" || cap.text == "CAP_SYS_ADMIN")
              builder.set_flag("operations.os_control", {&add->first, spath + ".capabilities.add"},
                               "the " + cap.text + " capability");
    }
  }
  for (const auto* host : {"hostNetwork", "hostPID", "hostIPC"})
    if (const auto* e = pod.entry(host); e && e->second.text == "true")
      builder.set_flag("operations.os_control", {&e->first, path + "." + host},
                       std::string(host) + ": the node's own namespace");
  if (const auto* selector = pod.get("nodeSelector"); selector && selector->is_map()) {
    for (const auto* key : {"kubernetes.io/os", "beta.kubernetes.io/os"})
      if (const auto* e = selector->entry(key); e && (e->second.text == "windows" || e->second.text == "linux"))
        builder.set_text("runtime.os", e->second.text, {&e->first, path + ".nodeSelector." + key});
    for (const auto* key : {"kubernetes.io/arch", "beta.kubernetes.io/arch"})
      if (const auto* e = selector->entry(key)) {
        if (e->second.text == "arm64")
          builder.set_text("resources.architecture", "arm64", {&e->first, path + ".nodeSelector." + key});
        else if (e->second.text == "amd64")
          builder.set_text("resources.architecture", "x86_64", {&e->first, path + ".nodeSelector." + key});
      }
  }
  if (const auto* volumes = pod.get("volumes"); volumes && volumes->is_sequence()) {
    for (std::size_t i = 0; i < volumes->items.size(); ++i) {
      const auto& v = volumes->items[i];
      if (!v.is_map()) continue;
      const auto vpath = path + ".volumes[" + std::to_string(i) + "]";
      for (const auto* block : {"persistentVolumeClaim", "awsElasticBlockStore", "gcePersistentDisk", "azureDisk",
                                "cinder", "rbd", "iscsi", "flocker"})
        if (const auto* e = v.entry(block))
          builder.set_text("state.local_storage", "persistent", {&e->first, vpath + "." + block},
                           std::string(block) + " volume");
      if (const auto* e = v.entry("hostPath"))
        builder.set_flag("operations.os_control", {&e->first, vpath + ".hostPath"}, "a path on the node itself");
    }
    for (std::size_t i = 0; i < volumes->items.size(); ++i)
      if (const auto* e = volumes->items[i].is_map() ? volumes->items[i].entry("emptyDir") : nullptr)
        builder.set_text("state.local_storage", "scratch",
                         {&e->first, path + ".volumes[" + std::to_string(i) + "].emptyDir"},
                         "an emptyDir: scratch space that ends with the pod");
  }
}

void map_resource(const Resource& resource, const SourceFile& source, ImportResult& result,
                  std::vector<std::string>& others) {
  const auto& node = *resource.node;
  const auto kind = node.text_at("kind");
  const auto* metadata = node.get("metadata");
  const auto* name_entry = metadata && metadata->is_map() ? metadata->entry("name") : nullptr;
  const bool is_service = std::find(k_service_kinds.begin(), k_service_kinds.end(), kind) != k_service_kinds.end();
  if (!is_service && kind != "Job" && kind != "CronJob") {
    if (!kind.empty()) others.push_back(kind);
    return;
  }
  const auto name = name_entry && name_entry->second.is_scalar() ? name_entry->second.text : kind;
  const auto* kind_entry = node.entry("kind");
  WorkloadBuilder builder(source, name, kind_entry->first);
  const From kind_from{&kind_entry->first, join_path(resource.path, "kind")};
  const auto* spec = node.get("spec");
  std::string spec_path = join_path(resource.path, "spec");
  const SpecNode* pod = nullptr;
  std::string pod_path;
  const SpecNode* job_spec = nullptr;
  std::string job_path;
  if (spec && spec->is_map()) {
    if (kind == "Pod") {
      pod = spec;
      pod_path = spec_path;
    } else if (kind == "CronJob") {
      if (const auto* schedule = spec->entry("schedule")) {
        double runs = 0;
        if (const auto r = add_schedule(builder, &schedule->second, {&schedule->first, spec_path + ".schedule"}))
          runs = *r;
        builder.set_text("kind", "job", kind_from, "a CronJob: runs to completion on a schedule");
        builder.derive("traffic.pattern", util::Value::of_string("scheduled"),
                       {&schedule->first, spec_path + ".schedule"}, "started by a schedule");
        if (runs > 0)
          builder.derive(
              "traffic.runs_per_month", util::Value::of_quantity(util::Kind::count, whole_runs(runs)),
              {&schedule->first, spec_path + ".schedule"},
              "from the schedule: about " + util::format_number(whole_runs(runs)) + " runs in a 730-hour month");
      }
      const auto* job_template = spec->get("jobTemplate");
      job_spec = job_template && job_template->is_map() ? job_template->get("spec") : nullptr;
      job_path = spec_path + ".jobTemplate.spec";
    } else if (kind == "Job") {
      job_spec = spec;
      job_path = spec_path;
    }
    if (kind != "Pod") {
      const auto* base = job_spec && job_spec->is_map()         ? job_spec
                         : (kind == "CronJob" || kind == "Job") ? nullptr
                                                                : spec;
      const auto base_path = job_spec ? job_path : spec_path;
      const auto* tmpl = base ? base->get("template") : nullptr;
      const auto* tmpl_spec = tmpl && tmpl->is_map() ? tmpl->get("spec") : nullptr;
      if (tmpl_spec && tmpl_spec->is_map()) {
        pod = tmpl_spec;
        pod_path = base_path + ".template.spec";
      }
    }
    if (job_spec && job_spec->is_map())
      if (const auto* deadline = job_spec->entry("activeDeadlineSeconds"))
        if (const auto text = builder.scalar(&deadline->second, job_path + ".activeDeadlineSeconds"))
          if (const auto seconds = plain_seconds(*text); seconds && *seconds > 0)
            builder.set("execution.duration.max", util::Value::of_quantity(util::Kind::duration, *seconds),
                        {&deadline->first, job_path + ".activeDeadlineSeconds"}, "the job's deadline");
    if (kind == "StatefulSet")
      if (const auto* claims = spec->entry("volumeClaimTemplates"))
        builder.set_text("state.local_storage", "persistent", {&claims->first, spec_path + ".volumeClaimTemplates"},
                         "a StatefulSet's persistent volume claims");
  }
  if (pod) map_pod(*pod, pod_path, builder);
  if (kind == "Job") {
    builder.set_text("kind", "job", kind_from, "a Job: runs to completion");
  } else if (kind == "Pod") {
    const auto restart = pod ? pod->text_at("restartPolicy") : std::string{};
    if (restart == "Never" || restart == "OnFailure")
      builder.set_text("kind", "job", kind_from, "a Pod with restartPolicy " + restart + ": runs to completion");
    else
      builder.set_text("kind", "service", kind_from, "a Pod that is restarted: long-running");
  } else if (kind == "DaemonSet") {
    builder.set_text("kind", "service", kind_from, "a DaemonSet: one long-running copy on every node");
    builder.warn("daemonset",
                 "a DaemonSet runs one copy on every node of a cluster; as a workload of its own it is "
                 "advised as one instance",
                 kind_entry ? &kind_entry->second : nullptr);
  } else if (kind == "CronJob") {
    builder.set_text("kind", "job", kind_from, "a CronJob: runs to completion on a schedule");
  } else {
    builder.set_text("kind", "service", kind_from, "a " + kind + ": long-running pods");
  }
  builder.finish_into(result);
}

}  // namespace

bool detect_kubernetes(const std::vector<SpecDocument>& documents) {
  for (const auto& document : documents) {
    const auto& root = document.root;
    if (!root.is_map()) continue;
    const auto api = root.text_at("apiVersion");
    const auto kind = root.text_at("kind");
    if (!api.empty() && !kind.empty() && kind.front() >= 'A' && kind.front() <= 'Z') return true;
  }
  return false;
}

void map_kubernetes(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result) {
  std::vector<Resource> resources;
  for (const auto& document : documents) collect(document.root, "", resources);
  for (const auto& resource : resources) map_resource(resource, source, result, result.not_workloads);
}

}  // namespace caas::import
