#include "caas/util/value.hpp"

#include "caas/util/text.hpp"

namespace caas::util {

Value Value::of_bool(bool b) {
  Value v;
  v.kind = Kind::boolean;
  v.number = b ? 1 : 0;
  return v;
}
Value Value::of_number(double n) {
  Value v;
  v.kind = Kind::number;
  v.number = n;
  return v;
}
Value Value::of_string(std::string s) {
  Value v;
  v.kind = Kind::string;
  v.text = std::move(s);
  return v;
}
Value Value::of_quantity(Kind kind, double amount) {
  Value v;
  v.kind = kind;
  v.number = amount;
  return v;
}
Value Value::of_list(std::vector<Value> items, Kind item_kind) {
  Value v;
  v.kind = Kind::list;
  v.items = std::move(items);
  v.item_kind = item_kind;
  return v;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::unknown: return true;
    case Kind::string: return a.text == b.text;
    case Kind::list: return a.items == b.items;
    default: return a.number == b.number;
  }
}

std::string display(const Value& value) {
  switch (value.kind) {
    case Kind::unknown: return "unknown";
    case Kind::boolean: return value.number != 0 ? "true" : "false";
    case Kind::number: return format_number(value.number);
    case Kind::string: return value.text;
    case Kind::list: {
      std::string out;
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += display(value.items[i]);
      }
      return out;
    }
    default: return format_quantity(value.number, value.kind);
  }
}

}  // namespace caas::util
