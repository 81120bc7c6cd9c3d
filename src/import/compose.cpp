// docker-compose files: each service is a workload (a long-running service). Anchors, aliases and merge keys are
// applied when the file is read; `x-` keys are the file's own and are not read.
#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

void map_gpus(const SpecNode& devices, WorkloadBuilder& builder, const std::string& path, const SpecNode& key) {
  double count = 0;
  bool all = false;
  for (const auto& device : devices.items) {
    if (!device.is_map()) continue;
    const auto* capabilities = device.get("capabilities");
    bool gpu = false;
    if (capabilities)
      for (const auto& c : capabilities->items) gpu = gpu || (c.is_scalar() && c.text == "gpu");
    if (!gpu) continue;
    if (const auto n = device.text_at("count"); !n.empty()) {
      if (n == "all")
        all = true;
      else if (const auto v = plain_seconds(n))
        count += *v;
    } else if (const auto* ids = device.get("device_ids"); ids && ids->is_sequence()) {
      count += static_cast<double>(ids->items.size());
    } else {
      all = true;  // compose reserves every GPU when neither count nor device_ids is given
    }
  }
  if (count > 0) {
    builder.set("resources.gpu", util::Value::of_number(count), {&key, path}, "GPU device reservations");
  } else if (all) {
    builder.set("resources.gpu", util::Value::of_number(1), {&key, path},
                "count: all (every GPU of the host): at least 1; say how many it needs");
    builder.warn("gpu-count-all",
                 "the service reserves all of the host's GPUs; imported as 1 GPU, set resources.gpu if it needs more",
                 &key);
  }
}

void map_volumes(const SpecNode& volumes, const SpecNode* named, WorkloadBuilder& builder, const std::string& path) {
  for (std::size_t i = 0; i < volumes.items.size(); ++i) {
    const auto& v = volumes.items[i];
    const auto at = path + "[" + std::to_string(i) + "]";
    std::string type;
    std::string source;
    if (v.is_scalar()) {
      const auto colon = v.text.find(':');
      source = colon == std::string::npos ? std::string{} : v.text.substr(0, colon);
      type = source.empty() ? "volume" : (source[0] == '.' || source[0] == '/' || source[0] == '~') ? "bind" : "volume";
    } else if (v.is_map()) {
      type = v.text_at("type");
      source = v.text_at("source");
    }
    if (type == "tmpfs") {
      builder.set_text("state.local_storage", "scratch", {&v, at}, "a tmpfs mount");
    } else if (type == "volume" && !source.empty() && named && named->get(source)) {
      builder.set_text("state.local_storage", "persistent", {&v, at}, "the named volume '" + source + "'");
    } else if (type == "volume" && source.empty()) {
      builder.set_text("state.local_storage", "scratch", {&v, at}, "an anonymous volume");
    }
  }
}

void map_service(const SpecEntry& service, const SpecNode* named_volumes, const SourceFile& source,
                 ImportResult& result) {
  const auto& [key, def] = service;
  WorkloadBuilder builder(source, key.text, key);
  const std::string path = "services." + key.text;
  if (!def.is_map()) {
    builder.error("not-a-mapping", "the service '" + key.text + "' is not a map of settings", &def);
    builder.finish_into(result);
    return;
  }
  builder.set_text("kind", "service", {&key, path}, "a compose service: a long-running container");
  if (const auto* e = def.entry("image"))
    builder.set_text("package.type", "image", {&e->first, path + ".image"});
  else if (const auto* b = def.entry("build"))
    builder.set_text("package.type", "image", {&b->first, path + ".build"}, "built into an image");
  const auto* deploy = def.get("deploy");
  const auto* resources = deploy && deploy->is_map() ? deploy->get("resources") : nullptr;
  const auto* limits = resources && resources->is_map() ? resources->entry("limits") : nullptr;
  const auto* reservations = resources && resources->is_map() ? resources->entry("reservations") : nullptr;
  auto memory = [&](const SpecEntry* e, const std::string& p) {
    if (!e) return;
    if (const auto text = builder.scalar(&e->second, p)) {
      if (const auto bytes = docker_bytes(*text); bytes && *bytes > 0)
        builder.set("resources.memory", util::Value::of_quantity(util::Kind::size, *bytes), {&e->first, p},
                    *text + " (docker's units are binary: m is MiB)");
      else
        builder.warn("unreadable-value", p + " is '" + *text + "', not a size; left unknown", &e->second);
    }
  };
  auto cpus = [&](const SpecEntry* e, const std::string& p) {
    if (!e) return;
    if (const auto text = builder.scalar(&e->second, p))
      if (const auto n = plain_seconds(*text); n && *n > 0)
        builder.set("resources.cpu", util::Value::of_number(*n), {&e->first, p});
  };
  if (limits && limits->second.is_map()) {
    memory(limits->second.entry("memory"), path + ".deploy.resources.limits.memory");
    cpus(limits->second.entry("cpus"), path + ".deploy.resources.limits.cpus");
  }
  memory(def.entry("mem_limit"), path + ".mem_limit");
  cpus(def.entry("cpus"), path + ".cpus");
  if (reservations && reservations->second.is_map()) {
    memory(reservations->second.entry("memory"), path + ".deploy.resources.reservations.memory");
    cpus(reservations->second.entry("cpus"), path + ".deploy.resources.reservations.cpus");
    if (const auto* devices = reservations->second.entry("devices"); devices && devices->second.is_sequence())
      map_gpus(devices->second, builder, path + ".deploy.resources.reservations.devices", devices->first);
  }
  memory(def.entry("mem_reservation"), path + ".mem_reservation");
  if (const auto* gpus = def.entry("gpus")) {
    const auto text = gpus->second.is_scalar() ? gpus->second.text : std::string{};
    auto devices = SpecNode::of(NodeKind::sequence);
    auto device = SpecNode::of(NodeKind::map);
    auto caps = SpecNode::of(NodeKind::sequence);
    caps.items.push_back(SpecNode::of(NodeKind::scalar, "gpu"));
    device.entries.emplace_back(SpecNode::of(NodeKind::scalar, "capabilities"), caps);
    if (!text.empty())
      device.entries.emplace_back(SpecNode::of(NodeKind::scalar, "count"), SpecNode::of(NodeKind::scalar, text));
    devices.items.push_back(device);
    map_gpus(devices, builder, path + ".gpus", gpus->first);
  }
  if (const auto* runtime = def.entry("runtime");
      runtime && runtime->second.is_scalar() && runtime->second.text == "nvidia") {
    builder.set("resources.gpu", util::Value::of_number(1), {&runtime->first, path + ".runtime"},
                "the nvidia runtime: at least 1 GPU; say how many it needs");
  }
  if (const auto* privileged = def.entry("privileged"); privileged && privileged->second.text == "true")
    builder.set_flag("operations.os_control", {&privileged->first, path + ".privileged"}, "a privileged container");
  for (const auto* key_name : {"network_mode", "pid", "ipc"})
    if (const auto* e = def.entry(key_name); e && e->second.is_scalar() && e->second.text == "host")
      builder.set_flag("operations.os_control", {&e->first, path + "." + key_name},
                       std::string(key_name) + ": host, the host's own namespace");
  if (const auto* caps = def.entry("cap_add"); caps && caps->second.is_sequence())
    for (const auto& cap : caps->second.items)
      if (cap.is_scalar() &&
          (cap.text == "SYS_ADMIN" || cap.text == "ALL" || cap.text == "SYS_MODULE" || cap.text == "CAP_SYS_ADMIN"))
        builder.set_flag("operations.os_control", {&caps->first, path + ".cap_add"}, "the " + cap.text + " capability");
  if (const auto* platform = def.entry("platform"); platform && platform->second.is_scalar()) {
    const auto& text = platform->second.text;
    const From from{&platform->first, path + ".platform"};
    if (text.rfind("windows", 0) == 0)
      builder.set_text("runtime.os", "windows", from);
    else if (text.rfind("linux", 0) == 0)
      builder.set_text("runtime.os", "linux", from);
    if (text.find("arm64") != std::string::npos || text.find("aarch64") != std::string::npos)
      builder.set_text("resources.architecture", "arm64", from);
    else if (text.find("amd64") != std::string::npos || text.find("x86_64") != std::string::npos)
      builder.set_text("resources.architecture", "x86_64", from);
  }
  if (const auto* volumes = def.get("volumes"); volumes && volumes->is_sequence())
    map_volumes(*volumes, named_volumes, builder, path + ".volumes");
  if (const auto* tmpfs = def.entry("tmpfs"))
    builder.set_text("state.local_storage", "scratch", {&tmpfs->first, path + ".tmpfs"}, "a tmpfs mount");
  builder.finish_into(result);
}

}  // namespace

bool detect_compose(const std::vector<SpecDocument>& documents) {
  if (documents.empty() || !documents.front().root.is_map()) return false;
  const auto& root = documents.front().root;
  const auto* services = root.get("services");
  if (!services || !services->is_map() || root.get("apiVersion") || root.get("provider")) return false;
  for (const auto& [key, service] : services->entries)
    if (service.is_map() && (service.get("image") || service.get("build"))) return true;
  return false;
}

void map_compose(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result) {
  const auto& root = documents.front().root;
  const auto* services = root.get("services");
  const auto* volumes = root.get("volumes");
  for (const auto& service : services->entries) {
    if (service.first.text.rfind("x-", 0) == 0) continue;
    map_service(service, volumes && volumes->is_map() ? volumes : nullptr, source, result);
  }
}

}  // namespace caas::import
