#pragma once
// A typed value, or unknown: what a workload field holds and what a condition computes.
#include <string>
#include <vector>

#include "caas/util/quantity.hpp"

namespace caas::util {

struct Value {
  Kind kind = Kind::unknown;
  double number = 0;         // number; a quantity in canonical units; a bool as 0 or 1
  std::string text;          // string
  std::vector<Value> items;  // list
  Kind item_kind = Kind::unknown;

  static Value unknown() { return {}; }
  static Value of_bool(bool b);
  static Value of_number(double n);
  static Value of_string(std::string s);
  static Value of_quantity(Kind kind, double amount);
  static Value of_list(std::vector<Value> items, Kind item_kind);

  bool is_known() const { return kind != Kind::unknown; }
  bool as_bool() const { return number != 0; }
};

// Structural equality; quantities of one kind compare by amount.
bool operator==(const Value& a, const Value& b);

// How a value reads in a message: strings bare, quantities with their best unit, lists comma-separated.
std::string display(const Value& value);

}  // namespace caas::util
