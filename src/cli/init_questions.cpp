// The questions of `init` and the file they make. Every check reuses the workload reader's own rules (the field
// catalogue's values, the quantity parser), so an accepted answer is one the reader accepts.
#include "cli/init_questions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caas/model/field_catalogue.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/suggest.hpp"

namespace caas::cli {

namespace {

std::string get(const Answers& answers, const std::string& key) {
  const auto it = answers.find(key);
  return it == answers.end() ? std::string() : it->second;
}

std::vector<std::string_view> values_of(std::string_view path) {
  const auto index = model::find_field(path);
  return index ? model::field_catalogue()[*index].values : std::vector<std::string_view>{};
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string listed(const std::vector<std::string_view>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ");
    text += values[i];
  }
  return text;
}

Checked one_of(const std::string& text, std::string_view path) {
  const auto values = values_of(path);
  const std::string answer = trim(text);
  if (std::find(values.begin(), values.end(), answer) != values.end()) return {answer, ""};
  std::string error = "'" + answer + "' is not one of " + listed(values);
  if (const auto near = util::did_you_mean(answer, values)) error += "; did you mean '" + *near + "'?";
  return {"", error};
}

// A path that can stand in a YAML comment as it is: no control character (a line break would end the comment).
bool printable(const std::string& text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool is_job(const Answers& answers) { return get(answers, "kind") == "job"; }
bool always(const Answers& /*answers*/) { return true; }
bool not_job(const Answers& answers) { return !is_job(answers); }

// --- name
std::string name_prompt(const Answers& /*answers*/) { return "Name of the workload"; }
std::string name_default(const Answers& /*answers*/) { return "my-service"; }
Checked name_check(const std::string& text, const Answers& /*answers*/) {
  const std::string name = trim(text);
  const bool valid = !name.empty() && name.size() <= 63 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
  if (valid) return {name, ""};
  return {"", "a name is 1 to 63 characters of A-Z a-z 0-9 . _ -"};
}

// --- triggers
std::string trigger_prompt(const Answers& /*answers*/) {
  return "What starts its work (" + listed(values_of("triggers")) + "; several with commas)";
}
std::string trigger_default(const Answers& /*answers*/) { return "http"; }
Checked trigger_check(const std::string& text, const Answers& /*answers*/) {
  std::vector<std::string> items;
  std::string item;
  for (const char c : text + ",") {
    if (c == ',' || c == ' ' || c == '[' || c == ']') {
      if (!item.empty()) items.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  if (items.empty()) return {"", "name at least one trigger"};
  std::vector<std::string> seen;
  for (const auto& name : items) {
    auto checked = one_of(name, "triggers");
    if (!checked.error.empty()) return checked;
    if (std::find(seen.begin(), seen.end(), checked.value) == seen.end()) seen.push_back(checked.value);
  }
  std::string list;
  for (const auto& name : seen) list += (list.empty() ? "" : ", ") + name;
  return {"[" + list + "]", ""};
}

// --- kind
std::string kind_prompt(const Answers& /*answers*/) {
  return "What kind of workload (service: answers requests; worker: consumes a queue or stream; job: runs to "
         "completion; function: a short handler per event)";
}
std::string kind_default(const Answers& answers) {
  const std::string triggers = get(answers, "trigger");
  const std::string first = triggers.substr(1, triggers.find_first_of(",]") - 1);
  if (first == "http" || first == "websocket" || first == "grpc") return "service";
  if (first == "sqs" || first == "kinesis" || first == "kafka" || first == "dynamodb-stream") return "worker";
  if (first == "schedule" || first == "manual") return "job";
  return "function";
}
Checked kind_check(const std::string& text, const Answers& /*answers*/) { return one_of(text, "kind"); }

// --- duration
std::string duration_prompt(const Answers& answers) {
  return is_job(answers) ? "How long does one run take, typically (e.g. 10m, 2h)"
                         : "How long does one request or event take to handle, typically (e.g. 150ms, 2s)";
}
std::string duration_default(const Answers& answers) {
  const std::string kind = get(answers, "kind");
  if (kind == "job") return "10m";
  if (kind == "worker") return "2s";
  if (kind == "function") return "1s";
  return "200ms";
}
Checked positive_quantity(const std::string& text, util::Kind kind, std::string_view what) {
  const auto parsed = util::parse_quantity(trim(text), kind, util::Spacing::space_allowed);
  if (parsed.error) {
    std::string error = parsed.error->message;
    if (!parsed.error->hint.empty()) error += "; " + parsed.error->hint;
    return {"", error};
  }
  if (parsed.value <= 0) return {"", std::string(what) + " must be more than zero"};
  return {util::format_quantity(parsed.value, kind), ""};
}
Checked duration_check(const std::string& text, const Answers& /*answers*/) {
  return positive_quantity(text, util::Kind::duration, "a duration");
}

// --- memory
std::string memory_prompt(const Answers& /*answers*/) { return "Memory one instance needs (e.g. 512MiB, 2GiB)"; }
std::string memory_default(const Answers& /*answers*/) { return "512MiB"; }
Checked memory_check(const std::string& text, const Answers& /*answers*/) {
  return positive_quantity(text, util::Kind::size, "memory");
}

// --- traffic
std::string traffic_prompt(const Answers& answers) {
  return is_job(answers) ? "How many runs a month (e.g. 30, 720)"
                         : "How many requests, events or messages a month (e.g. 250k, 3M)";
}
std::string traffic_default(const Answers& answers) { return is_job(answers) ? "720" : "1M"; }
Checked traffic_check(const std::string& text, const Answers& /*answers*/) {
  return positive_quantity(text, util::Kind::count, "traffic");
}

// --- pattern
std::string pattern_prompt(const Answers& /*answers*/) {
  return "Its pattern (" + listed(values_of("traffic.pattern")) + ")";
}
std::string pattern_default(const Answers& answers) {
  const std::string kind = get(answers, "kind");
  if (kind == "job") return "scheduled";
  if (kind == "function") return "spiky";
  return "steady";
}
Checked pattern_check(const std::string& text, const Answers& /*answers*/) { return one_of(text, "traffic.pattern"); }

// --- latency
std::string p99_prompt(const Answers& /*answers*/) {
  return "Latency target at the 99th percentile (a duration such as 300ms, or none)";
}
std::string p99_default(const Answers& /*answers*/) { return "none"; }
Checked p99_check(const std::string& text, const Answers& /*answers*/) {
  if (trim(text) == "none") return {"none", ""};
  auto checked = positive_quantity(text, util::Kind::duration, "a latency target");
  if (!checked.error.empty()) checked.error += " (or none)";
  return checked;
}

std::string cold_prompt(const Answers& /*answers*/) {
  return "Must every request avoid waiting for a cold start (yes or no)";
}
std::string cold_default(const Answers& /*answers*/) { return "no"; }
Checked cold_check(const std::string& text, const Answers& /*answers*/) {
  const std::string answer = trim(text);
  if (answer == "yes" || answer == "y" || answer == "true") return {"yes", ""};
  if (answer == "no" || answer == "n" || answer == "false") return {"no", ""};
  return {"", "answer yes or no"};
}

// --- operations and cost
std::string ops_prompt(const Answers& /*answers*/) {
  return "Your team's capacity to run servers: patching, images, scaling (low, medium or high)";
}
std::string medium(const Answers& /*answers*/) { return "medium"; }
Checked ops_check(const std::string& text, const Answers& /*answers*/) {
  return one_of(text, "operations.ops_capacity");
}
std::string cost_prompt(const Answers& /*answers*/) { return "How much does cost matter (low, medium or high)"; }
Checked cost_check(const std::string& text, const Answers& /*answers*/) { return one_of(text, "cost.priority"); }

}  // namespace

const std::vector<Question>& init_questions() {
  static const std::vector<Question> k_questions = {
      {"name", "--name", "NAME", "The workload's name", name_prompt, name_default, name_check, always},
      {"trigger", "--trigger", "LIST", "What starts its work: http, sqs, schedule... (comma-separated)", trigger_prompt,
       trigger_default, trigger_check, always},
      {"kind", "--kind", "KIND", "service, worker, job or function (default: from the trigger)", kind_prompt,
       kind_default, kind_check, always},
      {"duration", "--duration", "DURATION", "Typical time of one request, event or run (150ms, 2s, 10m)",
       duration_prompt, duration_default, duration_check, always},
      {"memory", "--memory", "SIZE", "Memory one instance needs (512MiB, 2GiB)", memory_prompt, memory_default,
       memory_check, always},
      {"traffic", "--traffic", "COUNT", "Requests a month, or runs a month for a job (250k, 3M)", traffic_prompt,
       traffic_default, traffic_check, always},
      {"pattern", "--pattern", "PATTERN", "steady, diurnal, spiky, unpredictable, scheduled or rare", pattern_prompt,
       pattern_default, pattern_check, always},
      {"p99", "--p99", "DURATION|none", "Latency target at the 99th percentile (not asked of a job)", p99_prompt,
       p99_default, p99_check, not_job},
      {"cold_starts", "--avoid-cold-starts", "yes|no",
       "Whether every request must avoid a cold start (not asked of a job)", cold_prompt, cold_default, cold_check,
       not_job},
      {"ops", "--ops-capacity", "LEVEL", "The team's capacity to run servers: low, medium or high", ops_prompt, medium,
       ops_check, always},
      {"cost", "--cost-priority", "LEVEL", "How much cost matters: low, medium or high", cost_prompt, medium,
       cost_check, always},
  };
  return k_questions;
}

std::string default_output(const Answers& answers) { return get(answers, "name") + ".yaml"; }

std::string workload_file(const Answers& answers, const std::string& path) {
  const bool job = is_job(answers);
  // Values are checked answers: names, enumeration values and quantities, none of which needs YAML quoting.
  auto line = [](std::string text, std::string_view comment) {
    if (text.size() < 32) text.resize(32, ' ');
    return text + "# " + std::string(comment) + "\n";
  };
  std::string file =
      "# A workload for caas-advisor, written by `caas-advisor init`. Edit it freely: docs/workload-reference.md\n"
      "# describes every field, and `caas-advisor recommend " +
      (path == "-" || !printable(path) ? std::string("FILE") : path) +
      "` ranks EC2, Fargate and Lambda for it.\n"
      "apiVersion: caas-advisor/v1\n";
  file += line("name: " + get(answers, "name"), "1-63 characters of A-Z a-z 0-9 . _ -");
  file += line("kind: " + get(answers, "kind"), "service | worker | job | function");
  file += line("triggers: " + get(answers, "trigger"), "what starts its work");
  file += "execution:\n";
  file += line("  duration: " + get(answers, "duration"),
               job ? "typical time of one whole run" : "typical time to handle one request or event");
  file += "resources:\n";
  file += line("  memory: " + get(answers, "memory"), "memory one instance needs");
  file += "traffic:\n";
  file += line("  pattern: " + get(answers, "pattern"), "steady | diurnal | spiky | unpredictable | scheduled | rare");
  if (job)
    file += line("  runs_per_month: " + get(answers, "traffic"), "runs a month");
  else
    file += line("  requests_per_month: " + get(answers, "traffic"), "requests, events or messages a month");
  if (!job) {
    const std::string p99 = get(answers, "p99");
    file += "latency:\n";
    if (p99 != "none") file += line("  p99: " + p99, "end-to-end latency target at the 99th percentile");
    file += line(std::string("  cold_start_sensitive: ") + (get(answers, "cold_starts") == "yes" ? "true" : "false"),
                 "true: no request may wait for a cold start");
  }
  file += "operations:\n";
  file += line("  ops_capacity: " + get(answers, "ops"), "the team's capacity to run servers: low | medium | high");
  file += "cost:\n";
  file += line("  priority: " + get(answers, "cost"), "how much cost weighs: low | medium | high");
  file +=
      "# Worth adding when you know them; each sharpens the advice:\n"
      "#   resources: {cpu: 0.5, architecture: arm64}     # vCPUs; x86_64 | arm64 | any\n"
      "#   traffic: {peak_rps: 50}                        # the highest requests per second\n"
      "#   execution: {duration: {typical: 200ms, max: 5s}, concurrency: 20}\n"
      "#   package: {type: image, size: 300MB}\n"
      "#   runtime: {language: python, version: \"3.12\"}\n"
      "#   operations: {availability: high}              # must survive the loss of an instance or zone\n"
      "#   cost: {monthly_budget: 200, commitment: 1y}\n";
  return file;
}

}  // namespace caas::cli
