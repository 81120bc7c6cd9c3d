// ECS task definitions: JSON as `aws ecs register-task-definition` takes it (bare, or wrapped in
// {"taskDefinition": ...} as `describe-task-definition` prints it), or a bare array of container definitions. The
// same fields in PascalCase are a CloudFormation AWS::ECS::TaskDefinition's properties (sam_cloudformation.cpp).
#include <algorithm>
#include <cmath>

#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

const SpecNode* get_either(const SpecNode& map, std::string_view camel) {
  const auto* e = entry_either(map, camel);
  return e ? &e->second : nullptr;
}

std::string text_either(const SpecNode& map, std::string_view camel) {
  const auto* node = get_either(map, camel);
  return node && node->is_scalar() && node->unresolved.empty() && node->tag.empty() ? node->text : std::string{};
}

bool is_container_list(const SpecNode& node) {
  return node.is_sequence() && !node.items.empty() &&
         std::all_of(node.items.begin(), node.items.end(),
                     [](const SpecNode& item) { return item.is_map() && item.get("name") && item.get("image"); });
}

// The task definition in a document: itself, the value of "taskDefinition", or nullptr.
const SpecNode* task_of(const SpecNode& root) {
  if (!root.is_map()) return nullptr;
  if (root.get("containerDefinitions")) return &root;
  const auto* wrapped = root.get("taskDefinition");
  if (wrapped && wrapped->is_map() && wrapped->get("containerDefinitions")) return wrapped;
  return nullptr;
}

// Sums a per-container size or CPU; nullopt unless every container gives it.
template <class Read>
std::optional<double> sum_containers(const SpecNode& containers, std::string_view key, Read read) {
  double total = 0;
  for (const auto& container : containers.items) {
    const auto text = container.is_map() ? text_either(container, key) : std::string{};
    const auto value = text.empty() ? std::nullopt : read(text);
    if (!value) return std::nullopt;
    total += *value;
  }
  return containers.items.empty() ? std::nullopt : std::optional<double>(total);
}

void map_containers(const SpecNode& containers, WorkloadBuilder& builder, const std::string& path) {
  if (containers.items.size() > 1) {
    std::string names;
    for (const auto& c : containers.items)
      if (c.is_map()) names += (names.empty() ? "" : ", ") + text_either(c, "name");
    builder.set_flag("state.inter_container", {&containers, path},
                     std::to_string(containers.items.size()) + " containers in one task: " + names);
  }
  double gpus = 0;
  const SpecNode* gpu_at = nullptr;
  std::string gpu_path;
  for (std::size_t i = 0; i < containers.items.size(); ++i) {
    const auto& c = containers.items[i];
    if (!c.is_map()) continue;
    const auto base = path + "[" + std::to_string(i) + "]";
    if (const auto* image = entry_either(c, "image"))
      builder.set_text("package.type", "image", {&image->first, join_path(base, image->first.text)});
    if (const auto* privileged = entry_either(c, "privileged");
        privileged && privileged->second.is_scalar() && privileged->second.text == "true")
      builder.set_flag("operations.os_control", {&privileged->first, join_path(base, privileged->first.text)},
                       "a privileged container");
    if (const auto* linux = get_either(c, "linuxParameters"); linux && linux->is_map())
      if (const auto* caps = get_either(*linux, "capabilities"); caps && caps->is_map())
        if (const auto* add = entry_either(*caps, "add"); add && add->second.is_sequence())
          for (const auto& cap : add->second.items)
            if (cap.is_scalar() && (cap.text == "SYS_ADMIN" || cap.text == "ALL" || cap.text == "SYS_MODULE"))
              builder.set_flag("operations.os_control", {&add->first, base + ".linuxParameters.capabilities.add"},
                               "the " + cap.text + " capability");
    if (const auto* requirements = get_either(c, "resourceRequirements"); requirements && requirements->is_sequence())
      for (const auto& r : requirements->items)
        if (r.is_map() && text_either(r, "type") == "GPU")
          if (const auto n = plain_seconds(text_either(r, "value"))) {
            gpus += *n;
            gpu_at = entry_either(c, "resourceRequirements") ? &entry_either(c, "resourceRequirements")->first : &r;
            gpu_path = base + ".resourceRequirements";
          }
    if (const auto* ports = get_either(c, "portMappings"); ports && ports->is_sequence())
      for (const auto& port : ports->items) {
        const auto protocol = port.is_map() ? text_either(port, "appProtocol") : std::string{};
        const auto* at = port.is_map() ? entry_either(port, "appProtocol") : nullptr;
        if (!at) continue;
        if (protocol == "http" || protocol == "http2")
          builder.add_trigger("http", {&at->first, base + ".portMappings"});
        else if (protocol == "grpc")
          builder.add_trigger("grpc", {&at->first, base + ".portMappings"});
      }
  }
  if (gpus > 0)
    builder.set("resources.gpu", util::Value::of_number(gpus), {gpu_at, gpu_path}, "GPU resource requirements");
}

void map_volumes(const SpecNode& volumes, WorkloadBuilder& builder, const std::string& path) {
  for (std::size_t i = 0; i < volumes.items.size(); ++i) {
    const auto& v = volumes.items[i];
    if (!v.is_map()) continue;
    const auto base = path + "[" + std::to_string(i) + "]";
    if (const auto* host = entry_either(v, "host");
        host && host->second.is_map() && get_either(host->second, "sourcePath"))
      builder.set_flag("operations.os_control", {&host->first, base + ".host.sourcePath"},
                       "a volume from a path on the host instance");
    else if (const auto* docker = entry_either(v, "dockerVolumeConfiguration"))
      builder.set_text("state.local_storage", "persistent", {&docker->first, base + ".dockerVolumeConfiguration"},
                       "a Docker volume on the instance");
  }
  for (std::size_t i = 0; i < volumes.items.size(); ++i) {
    const auto& v = volumes.items[i];
    if (v.is_map() && !entry_either(v, "host") && !entry_either(v, "dockerVolumeConfiguration") &&
        !entry_either(v, "efsVolumeConfiguration") && !entry_either(v, "fsxWindowsFileServerVolumeConfiguration"))
      builder.set_text("state.local_storage", "scratch", {&v, path + "[" + std::to_string(i) + "]"},
                       "a task volume without a host path: scratch space that ends with the task");
  }
}

}  // namespace

void set_ecs_runs_on(WorkloadBuilder& builder, const SpecNode& value, const From& from) {
  std::vector<std::string> launch;
  if (value.is_scalar() && value.unresolved.empty()) launch.push_back(value.text);
  for (const auto& item : value.items)
    if (item.is_scalar()) launch.push_back(item.text);
  const bool fargate = std::find(launch.begin(), launch.end(), "FARGATE") != launch.end();
  const bool ec2 = std::find(launch.begin(), launch.end(), "EC2") != launch.end();
  if (fargate && !ec2)
    builder.set_text("runs_on", "fargate", from);
  else if (ec2 && !fargate)
    builder.set_text("runs_on", "ec2", from);
}

void map_ecs_task(const SpecNode& task, WorkloadBuilder& builder, const std::string& path) {
  for (const auto* key : {"launchType", "requiresCompatibilities"})
    if (const auto* e = entry_either(task, key))
      set_ecs_runs_on(builder, e->second, {&e->first, join_path(path, e->first.text)});
  const auto* containers_entry = entry_either(task, "containerDefinitions");
  const SpecNode* containers =
      containers_entry && containers_entry->second.is_sequence() ? &containers_entry->second : nullptr;
  const std::string containers_path = containers_entry ? join_path(path, containers_entry->first.text) : std::string{};
  if (const auto* cpu = entry_either(task, "cpu")) {
    const auto p = join_path(path, cpu->first.text);
    if (const auto text = builder.scalar(&cpu->second, p)) {
      if (const auto v = ecs_cpu(*text); v && *v > 0)
        builder.set("resources.cpu", util::Value::of_number(*v), {&cpu->first, p}, *text + " (1024 CPU units a vCPU)");
    }
  } else if (containers) {
    if (const auto v = sum_containers(*containers, "cpu", ecs_cpu); v && *v > 0)
      builder.set("resources.cpu", util::Value::of_number(*v),
                  {containers_entry ? &containers_entry->first : nullptr, containers_path},
                  "the sum of the containers' cpu units");
  }
  if (const auto* memory = entry_either(task, "memory")) {
    const auto p = join_path(path, memory->first.text);
    if (const auto text = builder.scalar(&memory->second, p))
      if (const auto v = ecs_memory(*text); v && *v > 0)
        builder.set("resources.memory", util::Value::of_quantity(util::Kind::size, *v), {&memory->first, p},
                    *text + " (MiB)");
  } else if (containers) {
    auto v = sum_containers(*containers, "memory", ecs_memory);
    std::string note = "the sum of the containers' memory limits";
    if (!v) {
      v = sum_containers(*containers, "memoryReservation", ecs_memory);
      note = "the sum of the containers' memory reservations";
    }
    if (v && *v > 0)
      builder.set("resources.memory", util::Value::of_quantity(util::Kind::size, *v),
                  {containers_entry ? &containers_entry->first : nullptr, containers_path}, note);
  }
  if (const auto* platform = get_either(task, "runtimePlatform"); platform && platform->is_map()) {
    const auto p = join_path(path, "runtimePlatform");
    if (const auto* os = entry_either(*platform, "operatingSystemFamily"); os && os->second.is_scalar()) {
      if (os->second.text.rfind("WINDOWS", 0) == 0)
        builder.set_text("runtime.os", "windows", {&os->first, p + "." + os->first.text});
      else if (os->second.text == "LINUX")
        builder.set_text("runtime.os", "linux", {&os->first, p + "." + os->first.text});
    }
    if (const auto* arch = entry_either(*platform, "cpuArchitecture"); arch && arch->second.is_scalar()) {
      if (arch->second.text == "ARM64")
        builder.set_text("resources.architecture", "arm64", {&arch->first, p + "." + arch->first.text});
      else if (arch->second.text == "X86_64")
        builder.set_text("resources.architecture", "x86_64", {&arch->first, p + "." + arch->first.text});
    }
  }
  if (const auto* storage = get_either(task, "ephemeralStorage"); storage && storage->is_map())
    if (const auto* size = entry_either(*storage, "sizeInGiB"))
      if (const auto text = builder.scalar(&size->second, path + ".ephemeralStorage.sizeInGiB"))
        if (const auto n = plain_seconds(*text))
          builder.set("resources.ephemeral_storage",
                      util::Value::of_quantity(util::Kind::size, *n * 1024 * 1024 * 1024),
                      {&size->first, path + ".ephemeralStorage." + size->first.text}, *text + " GiB");
  for (const auto* key : {"networkMode", "pidMode"})
    if (const auto* e = entry_either(task, key); e && e->second.is_scalar() && e->second.text == "host")
      builder.set_flag("operations.os_control", {&e->first, join_path(path, e->first.text)},
                       std::string(key) + " host: the host instance's network or processes");
  if (containers) map_containers(*containers, builder, containers_path);
  if (const auto* volumes = get_either(task, "volumes"); volumes && volumes->is_sequence())
    map_volumes(*volumes, builder, join_path(path, "volumes"));
}

bool detect_ecs(const std::vector<SpecDocument>& documents) {
  if (documents.size() != 1) return false;
  const auto& root = documents.front().root;
  if (task_of(root) || is_container_list(root)) return true;
  // A run-task request: names a task definition and where to run it.
  return root.is_map() && root.get("taskDefinition") && root.get("taskDefinition")->is_scalar() &&
         (root.get("launchType") || root.get("cluster"));
}

void map_ecs(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result) {
  const auto& root = documents.front().root;
  if (const auto* task = task_of(root)) {
    const std::string path = task == &root ? "" : "taskDefinition";
    auto family = text_either(*task, "family");
    const auto* family_entry = task->entry("family");
    WorkloadBuilder builder(source, family.empty() ? "task" : family, family_entry ? family_entry->first : *task);
    map_ecs_task(*task, builder, path);
    builder.set_text("kind", "service", {family_entry ? &family_entry->first : task, join_path(path, "family")},
                     "an ECS task definition: long-running containers");
    builder.finish_into(result);
    return;
  }
  if (is_container_list(root)) {
    const auto name = root.items.front().text_at("name");
    WorkloadBuilder builder(source, name, root.items.front());
    auto task = SpecNode::of(NodeKind::map);
    auto key = SpecNode::of(NodeKind::scalar, "containerDefinitions");
    key.line = root.line;
    key.column = root.column;
    task.entries.emplace_back(key, root);
    map_ecs_task(task, builder, "");
    builder.set_text("kind", "service", {&root.items.front(), "[0]"},
                     "ECS container definitions: long-running containers");
    builder.finish_into(result);
    return;
  }
  result.not_workloads.emplace_back("run-task request (names a task definition, does not define one)");
}

}  // namespace caas::import
