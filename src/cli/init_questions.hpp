#pragma once
// `caas-advisor init`: the questions, one row each (what is asked, the option that answers it without a terminal,
// the default, the check), and the commented workload file the answers make. No I/O here: init_command.cpp asks.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caas::cli {

// Answers by question key, as the user wrote them or as checked (normalised) text.
using Answers = std::map<std::string, std::string>;

struct Checked {
  std::string value;  // normalised: "200ms", "1M", "[http, sqs]"
  std::string error;  // empty when the answer is good
};

struct Question {
  std::string key;         // "duration"
  std::string option;      // "--duration"
  std::string value_name;  // "DURATION", for help
  std::string help;        // the option's help
  // The question as asked, given the answers so far (a job is asked about runs, not requests).
  std::string (*prompt)(const Answers& answers);
  // The default given the answers so far.
  std::string (*fallback)(const Answers& answers);
  Checked (*check)(const std::string& text, const Answers& answers);
  // Whether it is asked at all given the answers so far (latency questions are not asked of a job).
  bool (*applies)(const Answers& answers);
};

// Every question, in the order they are asked.
const std::vector<Question>& init_questions();

// The workload file for a complete set of checked answers: valid, commented, ready to edit. `path` is where it
// goes, for the comment that says how to run it ("-": standard output).
std::string workload_file(const Answers& answers, const std::string& path);

// The default output file for the answers: NAME.yaml.
std::string default_output(const Answers& answers);

}  // namespace caas::cli
