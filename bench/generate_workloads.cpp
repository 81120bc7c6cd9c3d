// Writes N varied, valid workload files for the benchmark: all four kinds, their usual triggers, a spread of sizes,
// durations and traffic patterns, some with `runs_on` and `x-` extensions, in block and flow style. The same seed
// gives the same files on every platform (the generator uses the engine's raw output, never a standard
// distribution, whose results the standard leaves to each library).
//
//   generate_workloads COUNT DIR [SEED]
//
// Files go to DIR/0000/w0000000.yaml, DIR/0000/w0000001.yaml, ..., 100 to a folder, so the advisor's folder walk
// sees a realistic tree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t k_files_per_folder = 100;
constexpr std::uint64_t k_default_seed = 20240601;

class Dice {
 public:
  explicit Dice(std::uint64_t seed) : m_engine(seed) {}
  // A number in [0, n).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_engine() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::mt19937_64 m_engine;
};

constexpr const char* k_kinds[] = {"service", "worker", "job", "function"};
constexpr const char* k_service_triggers[] = {"http", "grpc", "websocket"};
constexpr const char* k_event_triggers[] = {"s3", "sqs", "sns", "eventbridge", "dynamodb-stream", "kinesis", "kafka"};
constexpr const char* k_job_triggers[] = {"schedule", "manual", "eventbridge"};
constexpr const char* k_languages[] = {"python", "nodejs", "java", "dotnet", "go", "ruby", "rust", "cpp", "php"};
constexpr const char* k_versions[] = {"3.12", "20", "21", "8.0", "1.23", "3.3", "1.80", "17", "8.3"};
constexpr const char* k_patterns[] = {"steady", "diurnal", "spiky", "unpredictable", "rare"};
constexpr const char* k_targets[] = {"ec2", "fargate", "lambda"};
constexpr const char* k_levels[] = {"low", "medium", "high"};
constexpr const char* k_memories[] = {"128MiB", "256MiB", "512MiB", "1GiB",  "2GiB",  "3GiB",
                                      "4GiB",   "8GiB",   "16GiB",  "32GiB", "1.5GB", "768Mi"};
constexpr const char* k_cpus[] = {"0.25", "0.5", "1", "2", "4", "8", "16", "500m", "250m"};
constexpr const char* k_request_counts[] = {"20k", "250k", "2M", "15M", "90M", "600M", "1.2B", "1200", "45000"};
constexpr const char* k_fast_durations[] = {"5ms", "15ms", "40ms", "120ms", "300ms", "800ms", "2s"};
constexpr const char* k_slow_durations[] = {"3s", "20s", "90s", "5m", "14m", "40m", "2h", "6h"};
constexpr const char* k_words[] = {"orders", "billing", "search", "media",  "ledger", "profile", "catalog",
                                   "audit",  "notify",  "render", "ingest", "export", "pricing", "session"};

// A nested map's entries, collected in the file's style: `{a: 1, b: 2}` on one line, or one indented line each.
class Entries {
 public:
  explicit Entries(bool flow) : m_flow(flow) {}
  void add(std::string_view key, std::string_view value) {
    if (m_flow)
      m_body.append(m_body.empty() ? "" : ", ");
    else
      m_body.append("  ");
    m_body.append(key).append(": ").append(value);
    if (!m_flow) m_body.push_back('\n');
  }
  bool empty() const { return m_body.empty(); }
  std::string text() const { return m_flow ? " {" + m_body + "}\n" : "\n" + m_body; }

 private:
  bool m_flow;
  std::string m_body;
};

struct Writer {
  std::string text;
  bool flow = false;

  void scalar(std::string_view key, std::string_view value) {
    text.append(key).append(": ").append(value).push_back('\n');
  }
  Entries entries() const { return Entries(flow); }
  void map(std::string_view key, const Entries& entries) {
    if (!entries.empty()) text.append(key).append(":").append(entries.text());
  }
};

// A duration at or after `typical` in a list sorted by length, so that max >= typical.
std::string max_of(Dice& dice, const char* const* list, std::size_t size, std::size_t typical) {
  return list[typical + dice.below(size - typical)];
}

std::string workload(std::size_t index, Dice& dice) {
  Writer w;
  w.flow = dice.chance(50);
  const std::string kind = k_kinds[index % 4];  // every kind in equal share
  const bool slow = kind == "job";
  if (dice.chance(80)) w.scalar("apiVersion", "caas-advisor/v1");
  w.scalar("name", std::string(dice.pick(k_words)) + "-" + kind + "-" + std::to_string(index));
  if (dice.chance(40))
    w.scalar("description", "Generated workload " + std::to_string(index) + " for the benchmark; it " +
                                (slow ? "runs to completion" : "answers requests") + " and is owned by one team.");
  w.scalar("kind", kind);
  if (dice.chance(35)) w.scalar("runs_on", dice.pick(k_targets));
  if (dice.chance(15)) w.scalar("region", dice.chance(50) ? "us-east-1" : "eu-west-1");

  std::string trigger;
  if (kind == "service")
    trigger = dice.pick(k_service_triggers);
  else if (kind == "job")
    trigger = dice.pick(k_job_triggers);
  else if (kind == "function" && dice.chance(40))
    trigger = "http";
  else
    trigger = dice.pick(k_event_triggers);
  if (dice.chance(20) && trigger != "schedule") trigger += std::string(", ") + dice.pick(k_event_triggers);
  w.scalar("triggers", "[" + trigger + "]");

  const std::size_t language = dice.below(std::size(k_languages));
  Entries runtime = w.entries();
  runtime.add("language", k_languages[language]);
  runtime.add("version", std::string("\"") + k_versions[language] + "\"");
  if (dice.chance(10)) runtime.add("custom_environment", "true");
  if (dice.chance(5)) runtime.add("os", "windows");
  w.map("runtime", runtime);

  Entries execution = w.entries();
  const auto* durations = slow ? k_slow_durations : k_fast_durations;
  const std::size_t duration_count = slow ? std::size(k_slow_durations) : std::size(k_fast_durations);
  if (dice.chance(90)) {
    const std::size_t typical = dice.below(duration_count);
    if (dice.chance(60))
      execution.add("duration", std::string("{typical: ") + durations[typical] +
                                    ", max: " + max_of(dice, durations, duration_count, typical) + "}");
    else
      execution.add("duration", durations[typical]);
  }
  if (dice.chance(30)) execution.add("startup", dice.chance(50) ? "2s" : "25s");
  if (dice.chance(25)) execution.add("payload_max", dice.chance(50) ? "256KiB" : "12MiB");
  if (kind == "service" && dice.chance(60)) execution.add("concurrency", std::to_string(1 + dice.below(128)));
  w.map("execution", execution);

  Entries resources = w.entries();
  if (dice.chance(70)) resources.add("cpu", dice.pick(k_cpus));
  if (dice.chance(85)) resources.add("memory", dice.pick(k_memories));
  if (dice.chance(20)) resources.add("ephemeral_storage", dice.chance(50) ? "20GiB" : "200GiB");
  if (dice.chance(5)) resources.add("gpu", "1");
  if (dice.chance(30)) resources.add("architecture", dice.chance(50) ? "arm64" : "x86_64");
  w.map("resources", resources);

  if (dice.chance(70)) {
    const bool zip = dice.chance(50);
    Entries package = w.entries();
    package.add("type", zip ? "zip" : "image");
    package.add("size", zip ? (dice.chance(50) ? "18MiB" : "45MB") : (dice.chance(50) ? "300MiB" : "2GiB"));
    if (zip && dice.chance(60)) package.add("unpacked_size", dice.chance(70) ? "60MiB" : "300MiB");
    w.map("package", package);
  }

  Entries traffic = w.entries();
  if (kind == "job") {
    traffic.add("pattern", "scheduled");
    traffic.add("runs_per_month", std::to_string(1 + dice.below(3000)));
  } else if (dice.chance(90)) {
    traffic.add("pattern", dice.pick(k_patterns));
    const std::string requests = dice.pick(k_request_counts);
    traffic.add("requests_per_month", requests);
    // Peak well above any monthly average here (1.2B a month is about 460 per second).
    if (dice.chance(70)) traffic.add("peak_rps", std::to_string(500 + dice.below(20000)));
  }
  w.map("traffic", traffic);

  if (kind != "job" && dice.chance(40)) {
    Entries latency = w.entries();
    latency.add("p99", dice.chance(50) ? "2s" : "5s");
    if (dice.chance(50)) latency.add("cold_start_sensitive", dice.chance(50) ? "true" : "false");
    w.map("latency", latency);
  }
  if (dice.chance(30)) {
    Entries state = w.entries();
    state.add("local_storage", dice.chance(70) ? "scratch" : "persistent");
    if (dice.chance(30)) state.add("inter_container", "true");
    if (kind != "job" && dice.chance(20)) state.add("long_lived_connections", "true");
    w.map("state", state);
  }
  Entries operations = w.entries();
  operations.add("ops_capacity", dice.pick(k_levels));
  if (dice.chance(10)) operations.add("os_control", "true");
  if (dice.chance(20)) operations.add("availability", "high");
  w.map("operations", operations);
  if (dice.chance(60)) {
    Entries cost = w.entries();
    cost.add("priority", dice.pick(k_levels));
    if (dice.chance(30)) cost.add("monthly_budget", std::to_string(50 + dice.below(5000)));
    if (dice.chance(20)) cost.add("commitment", dice.chance(50) ? "1y" : "3y");
    if (dice.chance(15)) cost.add("interruptible", "true");
    w.map("cost", cost);
  }
  if (dice.chance(15)) w.scalar("x-team", dice.pick(k_words));
  return w.text;
}

int usage() {
  std::fputs("usage: generate_workloads COUNT DIR [SEED]\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) return usage();
  char* end = nullptr;
  const auto count = std::strtoull(argv[1], &end, 10);
  if (*end != '\0') return usage();
  const auto seed = argc == 4 ? std::strtoull(argv[3], &end, 10) : k_default_seed;
  if (*end != '\0') return usage();
  const std::filesystem::path root = argv[2];
  Dice dice(seed);
  char name[32];
  for (std::size_t i = 0; i < count; ++i) {
    std::snprintf(name, sizeof name, "%04zu", i / k_files_per_folder);
    const auto folder = root / name;
    if (i % k_files_per_folder == 0) std::filesystem::create_directories(folder);
    std::snprintf(name, sizeof name, "w%07zu.yaml", i);
    std::ofstream out(folder / name, std::ios::binary);
    out << workload(i, dice);
    if (!out) {
      std::fprintf(stderr, "generate_workloads: cannot write %s\n", (folder / name).string().c_str());
      return 1;
    }
  }
  return 0;
}
